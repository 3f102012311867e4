const jwt = require("jsonwebtoken");

function currentUser(req, publicKey) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  const claims = jwt.verify(token, publicKey, { algorithms: ["RS256"] });
  return claims.sub;
}

function decodeBody(buffer) {
  return decoder.decode(buffer);
}

module.exports = { currentUser, decodeBody };
