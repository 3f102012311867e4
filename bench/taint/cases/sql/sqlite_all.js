// label: vulnerable sql
const sqlite3 = require("sqlite3");
const express = require("express");

const app = express();
const db = new sqlite3.Database("app.db");

app.get("/item/:id", (req, res) => {
  const id = req.params.id;
  db.all("SELECT * FROM items WHERE id = " + id, (err, rows) => res.json(rows));
});
