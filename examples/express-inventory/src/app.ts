import { timingSafeEqual } from 'crypto';
import type { Server } from 'http';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';

import { createPool, Db } from './db';
import { logger } from './logger';
import { itemsRouter } from './routes/items';

export interface AppOptions {
  db?: Db;
  apiKey?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes need the X-Api-Key header once API_KEY is configured; reads stay open. */
function requireApiKey(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? Buffer.from(apiKey) : undefined;
  return (req, res, next) => {
    if (!expected || SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const given = Buffer.from(req.get('x-api-key') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({ error: 'invalid or missing API key' });
      return;
    }
    next();
  };
}

const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  logger.error('request failed', { method: req.method, path: req.path, error: String(err) });
  res.status(500).json({ error: 'internal server error' });
};

export function createApp(options: AppOptions = {}): express.Express {
  const db = options.db ?? createPool(process.env.DATABASE_URL);
  const apiKey = options.apiKey ?? process.env.API_KEY;

  const app = express();
  app.use(helmet());
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch (err) {
      logger.warn('health check failed', { error: String(err) });
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use('/items', requireApiKey(apiKey), itemsRouter(db));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(errorHandler);

  return app;
}

export function start(): Server {
  const port = Number(process.env.PORT || 3000);
  const app = createApp();
  return app.listen(port, () => {
    logger.info('inventory api listening', { port });
  });
}
