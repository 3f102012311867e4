// label: vulnerable redirect
const express = require("express");

const app = express();

app.post("/login", (req, res) => {
  const next = req.query.next || "/";
  res.redirect(next);
});
