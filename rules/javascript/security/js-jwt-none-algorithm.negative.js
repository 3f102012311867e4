const jwt = require("jsonwebtoken");

function readClaims(token, key) {
  return jwt.verify(token, key, { algorithms: ["RS256"] });
}

function issue(claims, key) {
  return jwt.sign(claims, key, { algorithm: "RS256", expiresIn: "15m" });
}

const settings = { compression: { algorithm: "none" }, padding: "none" };

module.exports = { readClaims, issue, settings };
