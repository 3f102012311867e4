const express = require("express");
const escapeHtml = require("escape-html");
const app = express();

app.get("/hello", (req, res) => {
  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);
});

app.get("/search", (req, res) => {
  res.json({ query: req.query.q, results: [] });
});

app.get("/page/:n", (req, res) => {
  res.send("Page " + Number(req.params.n));
});

module.exports = app;
