// label: safe redirect
import express from "express";

const app = express();
const TARGETS = ["/", "/settings", "/billing"];

app.get("/go", (req, res) => {
  const to = String(req.query.to);
  res.redirect(TARGETS.includes(to) ? to : "/");
});
