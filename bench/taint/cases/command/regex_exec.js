// label: safe command
const express = require("express");

const app = express();
const pattern = /^(\d+)-(\d+)$/;

app.get("/range", (req, res) => {
  const m = pattern.exec(req.query.r || "");
  res.json({ from: m ? Number(m[1]) : 0 });
});
