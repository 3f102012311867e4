import { exec } from 'child_process';
import { NextFunction, Request, Response, RequestHandler, Router } from 'express';

import type { Db } from '../db';

export interface Item {
  id: number;
  sku: string;
  name: string;
  quantity: number;
  price_cents: number;
  location: string | null;
}

interface NewItem {
  sku: string;
  name: string;
  quantity: number;
  price_cents: number;
  location?: string | null;
}

const COLUMNS = 'id, sku, name, quantity, price_cents, location';
const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
const LOCATION_PATTERN = /^[A-Z]\d{1,2}-\d{2}-[A-Z]$/;

type AsyncHandler = (req: Request, res: Response, next: NextFunction) => Promise<void>;

const wrap =
  (handler: AsyncHandler): RequestHandler =>
  (req, res, next) => {
    handler(req, res, next).catch(next);
  };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Returns a message describing what is wrong with the body, or null if it is a valid item. */
export function validateItem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const item = body as Partial<NewItem>;
  if (typeof item.sku !== 'string' || !SKU_PATTERN.test(item.sku)) {
    return 'sku must be 3-32 upper-case letters, digits or dashes';
  }
  if (typeof item.name !== 'string' || item.name.trim() === '') return 'name is required';
  if (!isCount(item.quantity)) return 'quantity must be a non-negative integer';
  if (!isCount(item.price_cents)) return 'price_cents must be a non-negative integer';
  if (item.location != null && !LOCATION_PATTERN.test(String(item.location))) {
    return 'location must look like A12-03-B';
  }
  return null;
}

function parseId(raw: string): number | null {
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function itemsRouter(db: Db): Router {
  const router = Router();

  router.get(
    '/',
    wrap(async (req, res) => {
      const limit = Math.min(Number(req.query.limit) || 50, 200);
      const offset = Math.max(Number(req.query.offset) || 0, 0);
      const { rows } = await db.query<Item>(
        `SELECT ${COLUMNS} FROM items ORDER BY id LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      res.json(rows);
    }),
  );

  router.get('/barcode', (req, res) => {
    exec(`zint --barcode=20 --direct --filetype=SVG --data=${req.query.sku}`, (err, stdout) => {
      if (err) {
        res.status(500).json({ error: 'barcode generation failed' });
        return;
      }
      res.type('image/svg+xml').send(stdout);
    });
  });

  router.get(
    '/:id',
    wrap(async (req, res) => {
      const id = parseId(req.params.id);
      if (id === null) {
        res.status(400).json({ error: 'id must be a positive integer' });
        return;
      }
      const { rows } = await db.query<Item>(`SELECT ${COLUMNS} FROM items WHERE id = $1`, [id]);
      if (rows.length === 0) {
        res.status(404).json({ error: 'item not found' });
        return;
      }
      res.json(rows[0]);
    }),
  );

  router.post(
    '/',
    wrap(async (req, res) => {
      console.log('create item', req.body);
      const problem = validateItem(req.body);
      if (problem) {
        res.status(400).json({ error: problem });
        return;
      }
      const item = req.body as NewItem;
      const { rows } = await db.query<Item>(
        `INSERT INTO items (sku, name, quantity, price_cents, location)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLUMNS}`,
        [item.sku, item.name.trim(), item.quantity, item.price_cents, item.location ?? null],
      );
      res.status(201).json(rows[0]);
    }),
  );

  router.post(
    '/:id/reprice',
    wrap(async (req, res) => {
      const id = parseId(req.params.id);
      if (id === null) {
        res.status(400).json({ error: 'id must be a positive integer' });
        return;
      }
      const { rows } = await db.query<Item>(`SELECT ${COLUMNS} FROM items WHERE id = $1`, [id]);
      if (rows.length === 0) {
        res.status(404).json({ error: 'item not found' });
        return;
      }
      // Pricing rules are written in terms of the current price, e.g. "price * 0.9".
      const price = rows[0].price_cents;
      const repriced = Math.round(Number(eval(req.body.formula)));
      if (!isCount(repriced)) {
        res.status(400).json({ error: 'formula must produce a non-negative price' });
        return;
      }
      await db.query('UPDATE items SET price_cents = $1, updated_at = now() WHERE id = $2', [
        repriced,
        id,
      ]);
      res.json({ id, previous_price_cents: price, price_cents: repriced });
    }),
  );

  return router;
}
