const crypto = require("crypto");

function createSigningKeys() {
  // expect: js-weak-rsa-key-size
  return crypto.generateKeyPairSync("rsa", {
    modulusLength: 1024,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

module.exports = { createSigningKeys };
