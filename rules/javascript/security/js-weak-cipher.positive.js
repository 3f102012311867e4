const crypto = require("crypto");
const CryptoJS = require("crypto-js");

function encryptCard(key, iv, number) {
  // expect: js-weak-cipher
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, iv);
  return cipher.update(number, "utf8", "hex") + cipher.final("hex");
}

function encryptBlock(key, data) {
  // expect: js-weak-cipher
  const cipher = crypto.createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function legacyEncrypt(password, text) {
  // expect: js-weak-cipher
  const cipher = crypto.createCipher("aes192", password);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

function browserEncrypt(text, key) {
  // expect: js-weak-cipher
  return CryptoJS.TripleDES.encrypt(text, key).toString();
}

function ecbEncrypt(text, key) {
  return CryptoJS.AES.encrypt(text, key, {
    // expect: js-weak-cipher
    mode: CryptoJS.mode.ECB,
  }).toString();
}

module.exports = { encryptCard, encryptBlock, legacyEncrypt, browserEncrypt, ecbEncrypt };
