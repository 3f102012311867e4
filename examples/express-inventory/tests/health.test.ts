import request from 'supertest';

import { createApp } from '../src/app';
import type { Db } from '../src/db';

function fakeDb(query: jest.Mock): Db {
  return { query } as unknown as Db;
}

describe('GET /health', () => {
  it('reports ok when the database answers', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [{ '?column?': 1 }], rowCount: 1 });
    const app = createApp({ db: fakeDb(query) });

    const res = await request(app).get('/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(query).toHaveBeenCalledWith('SELECT 1');
  });

  it('returns 503 when the database is unreachable', async () => {
    const query = jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const app = createApp({ db: fakeDb(query) });

    const res = await request(app).get('/health');

    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unavailable');
  });
});
