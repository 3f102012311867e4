const express = require("express");
const _ = require("lodash");
const app = express();

app.get("/search", (req, res) => {
  const matcher = new RegExp(_.escapeRegExp(req.query.q), "i");
  res.json(products.filter((p) => matcher.test(p.name)));
});

app.get("/prefix", (req, res) => {
  const word = /^[a-z]+$/;
  const fixed = new RegExp("^item-\\d+$");
  res.json({ ok: word.test(req.query.q) && fixed.test(req.query.id) });
});

const products = [];
module.exports = app;
