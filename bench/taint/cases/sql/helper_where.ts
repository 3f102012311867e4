// label: vulnerable sql
import express from "express";
import { sequelize } from "./db";

const app = express();

function byStatus(status: string): string {
  return "SELECT * FROM orders WHERE status = '" + status + "'";
}

app.get("/orders", async (req, res) => {
  const [rows] = await sequelize.query(byStatus(String(req.query.status)));
  res.json(rows);
});
