const express = require("express");
const app = express();

app.get("/hello", (req, res) => {
  // expect: js-express-reflected-xss, js-taint-xss
  res.send(`<h1>Hello ${req.query.name}</h1>`);
});

app.get("/search", (req, res) => {
  res.status(200);
  // expect: js-express-reflected-xss, js-taint-xss
  res.write("<p>No results for " + req.query.q + "</p>");
  res.end();
});

app.post("/echo", (req, res) => {
  // expect: js-express-reflected-xss, js-taint-xss
  res.end(req.body.message);
});

module.exports = app;
