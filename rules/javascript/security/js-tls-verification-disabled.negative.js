const https = require("https");
const fs = require("fs");

const agent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: true,
  ca: fs.readFileSync("certs/internal-ca.pem"),
});

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";

function connect(tls, host, port) {
  return tls.connect({
    host,
    port,
    checkServerIdentity: (name, cert) => tls.checkServerIdentity(name, cert),
  });
}

// Never set rejectUnauthorized: false in production.
const note = "rejectUnauthorized: false is not allowed";

module.exports = { agent, connect, note };
