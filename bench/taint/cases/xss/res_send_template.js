// label: vulnerable xss
const express = require("express");

const app = express();

app.get("/greet", (req, res) => {
  res.send(`<p>Hello, ${req.query.name}!</p>`);
});
