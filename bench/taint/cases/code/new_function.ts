// label: vulnerable code
import express from "express";

const app = express();

app.get("/compute", (req, res) => {
  const fn = new Function("x", "return " + String(req.query.expr));
  res.json({ value: fn(2) });
});
