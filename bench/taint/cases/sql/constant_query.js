// label: safe sql
const express = require("express");
const db = require("./db");

const app = express();

app.get("/count", (req, res) => {
  const verbose = req.query.verbose === "1";
  db.query("SELECT COUNT(*) AS n FROM users", (err, rows) => res.json({ n: rows[0].n, verbose }));
});
