// label: safe sql
const express = require("express");
const { pool } = require("./db");

const app = express();

app.get("/users", async (req, res) => {
  const { rows } = await pool.query("SELECT * FROM users WHERE email = $1", [req.query.email]);
  res.json(rows);
});
