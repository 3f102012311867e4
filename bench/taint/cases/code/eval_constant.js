// label: safe code
const express = require("express");

const app = express();

app.get("/answer", (req, res) => {
  const label = req.query.label;
  res.json({ answer: eval("6 * 7"), label });
});
