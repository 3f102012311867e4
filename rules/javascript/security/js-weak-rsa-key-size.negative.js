const crypto = require("crypto");

function createSigningKeys() {
  return crypto.generateKeyPairSync("rsa", {
    modulusLength: 3072,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

function createEcKeys() {
  return crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
}

module.exports = { createSigningKeys, createEcKeys };
