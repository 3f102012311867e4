const https = require("https");
const tls = require("tls");

// expect: js-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

const agent = new https.Agent({
  keepAlive: true,
  // expect: js-tls-verification-disabled
  rejectUnauthorized: false,
});

function connect(host, port) {
  return tls.connect({
    host,
    port,
    // expect: js-tls-verification-disabled
    checkServerIdentity: () => undefined,
  });
}

function legacyOptions(url) {
  // expect: js-tls-verification-disabled
  return { url, "strictSSL": false };
}

function relax(options) {
  // expect: js-tls-verification-disabled
  options.rejectUnauthorized = false;
  return options;
}

module.exports = { agent, connect, legacyOptions, relax };
