const express = require("express");
const app = express();

app.get("/login/callback", (req, res) => {
  // expect: js-open-redirect, js-taint-redirect
  res.redirect(req.query.returnTo);
});

app.get("/go", (req, res) => {
  // expect: js-open-redirect, js-taint-redirect
  res.redirect(302, req.query.url);
});

app.get("/back", (req, res) => {
  // expect: js-open-redirect, js-taint-redirect
  res.redirect(req.get("Referer"));
});

app.get("/out", (req, res) => {
  // expect: js-open-redirect
  res.writeHead(302, { Location: req.query.target });
  res.end();
});

module.exports = app;
