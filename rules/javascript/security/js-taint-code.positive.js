const express = require("express");

const app = express();

app.post("/calc", (req, res) => {
  const formula = req.body.formula;
  // expect: js-taint-code, js-eval-dynamic-code
  const result = eval(formula);
  res.json({ result });
});
