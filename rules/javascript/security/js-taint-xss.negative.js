const escapeHtml = require("escape-html");
const express = require("express");

const app = express();

app.get("/hello", (req, res) => {
  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);
});

app.get("/api/user", (req, res) => {
  res.send({ name: req.query.name });
});

function showQuery() {
  const q = new URLSearchParams(location.search).get("q");
  document.getElementById("out").textContent = "Results for " + q;
}
