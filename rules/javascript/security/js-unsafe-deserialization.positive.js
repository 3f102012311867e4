const express = require("express");
const cookieParser = require("cookie-parser");
const serialize = require("node-serialize");
const yaml = require("js-yaml");

const app = express();
app.use(cookieParser());

app.get("/profile", (req, res) => {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // expect: js-unsafe-deserialization, js-taint-deserialization
  const profile = serialize.unserialize(raw);
  res.send(`Hello ${profile.username}`);
});

function loadConfig(text) {
  // expect: js-unsafe-deserialization
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

module.exports = { app, loadConfig };
