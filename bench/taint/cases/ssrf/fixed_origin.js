// label: safe ssrf
const express = require("express");

const app = express();

app.get("/repo", async (req, res) => {
  const r = await fetch(`https://api.github.com/repos/${encodeURIComponent(req.query.name)}`);
  res.json(await r.json());
});
