const libxmljs = require("libxmljs2");

function readInvoice(xmlText) {
  const doc = libxmljs.parseXml(xmlText, { noent: false, nonet: true });
  return doc.get("//total").text();
}

function readJson(text) {
  return JSON.parse(text, (key, value) => value);
}

module.exports = { readInvoice, readJson };
