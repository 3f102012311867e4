const express = require("express");
const cookieParser = require("cookie-parser");
const serialize = require("node-serialize");
const yaml = require("js-yaml");

const app = express();
app.use(cookieParser());

app.get("/profile", (req, res) => {
  const profile = JSON.parse(Buffer.from(req.cookies.profile, "base64").toString());
  // expect: js-taint-xss
  res.send(`Hello ${profile.username}`);
});

function saveProfile(profile) {
  return serialize.serialize(profile);
}

function loadConfig(text) {
  return yaml.load(text);
}

module.exports = { app, saveProfile, loadConfig };
