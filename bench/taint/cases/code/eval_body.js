// label: vulnerable code
const express = require("express");

const app = express();

app.post("/rule", (req, res) => {
  const check = eval("(" + req.body.rule + ")");
  res.json({ ok: check({ age: 30 }) });
});
