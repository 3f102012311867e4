const crypto = require("crypto");

function hashPassword(password, salt) {
  // expect: js-weak-hash-algorithm
  return crypto.createHash("md5").update(salt + password).digest("hex");
}

function signature(payload) {
  // expect: js-weak-hash-algorithm
  return crypto.createHash('sha1').update(payload).digest("base64");
}

async function fingerprint(data) {
  // expect: js-weak-hash-algorithm
  return crypto.subtle.digest("SHA-1", data);
}

const md5 = require("md5");

function storePassword(user, password) {
  // expect: js-weak-hash-algorithm
  user.passwordHash = md5(password);
  return user;
}

module.exports = { hashPassword, signature, fingerprint, storePassword };
