// label: safe sql
import express from "express";
import { pool } from "./db";

const app = express();

app.get("/events", async (req, res) => {
  const limit = Number.parseInt(String(req.query.limit ?? "20"), 10);
  const result = await pool.query(`SELECT * FROM events ORDER BY id DESC LIMIT ${limit}`);
  res.json(result.rows);
});
