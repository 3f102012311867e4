const express = require("express");
const _ = require("lodash");

const app = express();
const defaults = { theme: "light", notifications: { email: true } };

app.post("/settings", (req, res) => {
  const { theme, notifications } = req.body;
  const settings = _.merge({}, defaults, { theme, notifications: { email: Boolean(notifications) } });
  res.json(settings);
});

app.post("/settings/field", (req, res) => {
  const allowed = new Map([["theme", "light"]]);
  allowed.set(String(req.body.key), String(req.body.value));
  const counts = {};
  counts[req.method] = (counts[req.method] || 0) + 1;
  res.json(Object.fromEntries(allowed));
});

module.exports = app;
