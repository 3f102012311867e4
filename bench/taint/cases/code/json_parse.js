// label: safe code
const express = require("express");

const app = express();

app.post("/rule", (req, res) => {
  const rule = JSON.parse(req.body.rule);
  res.json({ ok: rule.minAge <= 30 });
});
