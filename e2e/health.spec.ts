import { expect, test } from '@playwright/test';

test('health reports the database and Temporal reachable', async ({ request }) => {
  const response = await request.get('/api/v1/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
});
