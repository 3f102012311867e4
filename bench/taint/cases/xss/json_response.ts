// label: safe xss
import express from "express";

const app = express();

app.get("/api/search", (req, res) => {
  res.json({ query: req.query.q, results: [] });
});
