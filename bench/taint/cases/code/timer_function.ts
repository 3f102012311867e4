// label: safe code
import express from "express";

const app = express();

app.get("/later", (req, res) => {
  const delay = Number(req.query.delay) || 100;
  setTimeout(() => res.send("done"), delay);
});
