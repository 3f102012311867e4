// label: vulnerable sql
import { Request, Response } from "express";
import { knex } from "./db";

export async function search(req: Request, res: Response) {
  const term = req.query.term as string;
  const rows = await knex("products").whereRaw(`name LIKE '%${term}%'`);
  res.json(rows);
}
