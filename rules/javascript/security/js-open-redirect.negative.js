const express = require("express");
const app = express();

const ALLOWED = new Set(["/dashboard", "/settings"]);

app.get("/login/callback", (req, res) => {
  const next = ALLOWED.has(req.query.next) ? req.query.next : "/dashboard";
  res.redirect(next);
});

app.get("/search", (req, res) => {
  res.redirect("/results?q=" + encodeURIComponent(req.query.q));
});

app.get("/home", (req, res) => {
  res.redirect(301, "/");
  res.setHeader("Location", "/");
});

module.exports = app;
