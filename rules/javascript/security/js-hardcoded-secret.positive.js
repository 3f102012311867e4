const mysql = require("mysql2");

// expect: js-hardcoded-secret
const dbPassword = "S3cure!Passw0rd";

const pool = mysql.createPool({
  host: "db.internal",
  user: "app",
  // expect: js-hardcoded-secret
  password: "hunter2-prod",
});

const stripe = {
  // expect: js-hardcoded-secret
  apiKey: "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
};

function configure(client) {
  // expect: js-hardcoded-secret
  client.accessToken = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
}

module.exports = { pool, stripe, configure, dbPassword };
