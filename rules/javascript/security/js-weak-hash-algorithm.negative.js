const crypto = require("crypto");

function checksum(payload) {
  return crypto.createHash("sha256").update(payload).digest("hex");
}

function hmac(key, payload) {
  return crypto.createHmac("sha512", key).update(payload).digest("hex");
}

async function fingerprint(data) {
  return crypto.subtle.digest("SHA-256", data);
}

function encoded(hash) {
  return hash.digest("hex");
}

module.exports = { checksum, hmac, fingerprint, encoded };
