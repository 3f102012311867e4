const express = require("express");
const mysql = require("mysql2");

const app = express();
const db = mysql.createConnection({ host: "localhost", database: "shop" });

app.get("/users", (req, res) => {
  const name = req.query.name;
  // expect: js-sql-built-string
  const sql = "SELECT id, email FROM users WHERE name = '" + name + "'";
  // expect: js-taint-sql
  db.query(sql, (err, rows) => res.json(rows));
});

function orderClause(column) {
  return `ORDER BY ${column}`;
}

app.get("/products", async (req, res) => {
  // expect: js-taint-sql, js-sql-injection-query-call
  const [rows] = await db.promise().query("SELECT * FROM products " + orderClause(req.query.sort));
  res.json(rows);
});
