const jwt = require("jsonwebtoken");

function currentUser(req) {
  const header = req.headers.authorization || "";
  const token = header.replace("Bearer ", "");
  // expect: js-jwt-decode-without-verify
  const claims = jwt.decode(token);
  return claims && claims.sub;
}

module.exports = { currentUser };
