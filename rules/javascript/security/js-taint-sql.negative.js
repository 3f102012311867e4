const express = require("express");
const mysql = require("mysql2");

const app = express();
const db = mysql.createConnection({ host: "localhost", database: "shop" });
const SORTABLE = ["name", "price"];

app.get("/users", (req, res) => {
  db.query("SELECT id, email FROM users WHERE name = ?", [req.query.name], (err, rows) => res.json(rows));
});

app.get("/products", (req, res) => {
  let sort = req.query.sort;
  if (!SORTABLE.includes(sort)) {
    sort = "name";
  }
  // expect: js-sql-injection-query-call
  db.query("SELECT * FROM products ORDER BY " + sort, (err, rows) => res.json(rows));
});

app.get("/orders", (req, res) => {
  const limit = parseInt(req.query.limit, 10);
  // expect: js-sql-injection-query-call
  db.query(`SELECT * FROM orders LIMIT ${limit}`, (err, rows) => res.json(rows));
});
