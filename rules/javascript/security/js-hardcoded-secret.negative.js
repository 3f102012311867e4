const mysql = require("mysql2");

const dbPassword = process.env.DB_PASSWORD;

const pool = mysql.createPool({
  host: "db.internal",
  user: "app",
  password: dbPassword,
});

const labels = {
  password: "Password",
  forgotPassword: "Forgot your password?",
  tokenType: "Bearer",
  apiKey: "STRIPE_API_KEY",
  secret: "<your-secret-here>",
};

function configure(client) {
  client.accessToken = "";
  client.refreshToken = "${REFRESH_TOKEN}";
  client.secret = "changeme";
}

const passwordField = "user-password";

module.exports = { pool, labels, configure, passwordField };
