// label: vulnerable code
const vm = require("vm");
const express = require("express");

const app = express();

app.post("/sandbox", (req, res) => {
  const result = vm.runInNewContext(req.body.code, {});
  res.json({ result });
});
