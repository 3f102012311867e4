const express = require("express");
const app = express();

app.get("/search", (req, res) => {
  // expect: js-regexp-injection
  const matcher = new RegExp(req.query.q, "i");
  res.json(products.filter((p) => matcher.test(p.name)));
});

app.post("/validate", (req, res) => {
  // expect: js-regexp-injection
  const ok = RegExp("^" + req.body.pattern + "$").test(req.body.value);
  res.json({ ok });
});

const products = [];
module.exports = app;
