// label: safe sql
const express = require("express");
const db = require("./db");

const app = express();
const COLUMNS = new Set(["name", "created_at"]);

app.get("/list", (req, res) => {
  const column = COLUMNS.has(req.query.sort) ? req.query.sort : "name";
  db.query("SELECT * FROM customers ORDER BY " + column, (err, rows) => res.json(rows));
});
