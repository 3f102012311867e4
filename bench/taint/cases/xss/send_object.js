// label: safe xss
const express = require("express");

const app = express();

app.get("/echo", (req, res) => {
  res.send({ echo: req.query.msg });
});
