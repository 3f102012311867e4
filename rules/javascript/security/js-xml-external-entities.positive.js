const libxmljs = require("libxmljs2");

function readInvoice(xmlText) {
  // expect: js-xml-external-entities
  const doc = libxmljs.parseXml(xmlText, { noent: true, nocdata: true });
  return doc.get("//total").text();
}

module.exports = { readInvoice };
