const express = require("express");
const _ = require("lodash");

const app = express();
const defaults = { theme: "light", notifications: { email: true } };

app.post("/settings", (req, res) => {
  // expect: js-prototype-pollution
  const settings = _.merge({}, defaults, req.body);
  res.json(settings);
});

app.post("/settings/field", (req, res) => {
  const profile = {};
  // expect: js-prototype-pollution
  _.set(profile, req.body.path, req.body.value);
  // expect: js-prototype-pollution
  profile[req.body.section][req.body.key] = req.body.value;
  res.json(profile);
});

module.exports = app;
