const express = require("express");

const app = express();

app.get("/hello", (req, res) => {
  const name = req.query.name;
  // expect: js-taint-xss
  res.send(`<h1>Hello ${name}</h1>`);
});

function showQuery() {
  const q = new URLSearchParams(location.search).get("q");
  // expect: js-taint-xss, js-dom-html-injection
  document.getElementById("out").innerHTML = "Results for " + q;
}
