// label: vulnerable xss
import express from "express";

const app = express();

app.get("/search", (req, res) => {
  const q = String(req.query.q ?? "");
  res.write("<h2>Results for " + q + "</h2>");
  res.end();
});
