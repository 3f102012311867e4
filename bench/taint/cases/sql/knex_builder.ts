// label: safe sql
import { Request, Response } from "express";
import { knex } from "./db";

export async function search(req: Request, res: Response) {
  const rows = await knex("products").where("name", "like", `%${req.query.term}%`);
  res.json(rows);
}
