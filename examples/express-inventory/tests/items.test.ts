import request from 'supertest';

import { createApp } from '../src/app';
import type { Db } from '../src/db';
import { validateItem } from '../src/routes/items';

const widget = {
  id: 1,
  sku: 'WID-001',
  name: 'Widget',
  quantity: 12,
  price_cents: 499,
  location: 'A12-03-B',
};

function appWith(query: jest.Mock, apiKey?: string) {
  return createApp({ db: { query } as unknown as Db, apiKey });
}

describe('items API', () => {
  it('lists items with the default page size', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [widget], rowCount: 1 });

    const res = await request(appWith(query)).get('/items');

    expect(res.status).toBe(200);
    expect(res.body).toEqual([widget]);
    expect(query.mock.calls[0][1]).toEqual([50, 0]);
  });

  it('returns 404 for an unknown item', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [], rowCount: 0 });

    const res = await request(appWith(query)).get('/items/42');

    expect(res.status).toBe(404);
  });

  test('creates an item', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [widget], rowCount: 1 });
    const body = { sku: 'WID-001', name: 'Widget', quantity: 12, price_cents: 499 };

    const res = await request(appWith(query)).post('/items').send(body);

    expect(res.status).toBe(201);
    expect(res.body.sku).toBe('WID-001');
  });

  test('rejects writes without the API key when one is configured', async () => {
    const query = jest.fn();

    const res = await request(appWith(query, 'test-api-key')).post('/items').send({});

    expect(res.status).toBe(401);
    expect(query).not.toHaveBeenCalled();
  });
});

describe('validateItem', () => {
  it.each([
    [{ sku: 'x', name: 'Widget', quantity: 1, price_cents: 1 }, /sku/],
    [{ sku: 'WID-001', name: ' ', quantity: 1, price_cents: 1 }, /name/],
    [{ sku: 'WID-001', name: 'Widget', quantity: -1, price_cents: 1 }, /quantity/],
  ])('rejects %o', (body, message) => {
    expect(validateItem(body)).toMatch(message);
  });
});
