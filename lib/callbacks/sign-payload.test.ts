import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeaders, signPayload, verifySignature } from './sign-payload';

const secret = 'vcs_test-secret';
const body = JSON.stringify({ id: 'alm_abcd1234', version: 1 });

describe('callback signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>", hex, prefixed sha256=', async () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(await signPayload(secret, '1700000000', body)).toBe(`sha256=${expected}`);
  });

  it('builds the three headers of DESIGN.md §4.3', async () => {
    const headers = await signatureHeaders({ secret, eventId: 'alm_abcd1234', timestampSeconds: 1700000000, body });
    expect(headers).toEqual({ 'x-vigil-event-id': 'alm_abcd1234', 'x-vigil-timestamp': '1700000000', 'x-vigil-signature': await signPayload(secret, '1700000000', body) });
  });

  it('verifies a good signature and names what is wrong with a bad one', async () => {
    const signature = await signPayload(secret, '1700000000', body);
    const check = (overrides: Partial<Parameters<typeof verifySignature>[0]>) => verifySignature({ secret, signature, timestamp: '1700000000', body, nowSeconds: 1700000100, ...overrides });
    expect(await check({})).toEqual({ valid: true });
    expect(await check({ body: `${body} ` })).toEqual({ valid: false, reason: 'signature does not match' });
    expect(await check({ secret: 'other' })).toEqual({ valid: false, reason: 'signature does not match' });
    expect(await check({ timestamp: '1700000001' })).toEqual({ valid: false, reason: 'signature does not match' });
    expect(await check({ nowSeconds: 1700000000 + 301 })).toMatchObject({ valid: false, reason: expect.stringContaining('301 s') });
    expect(await check({ signature: null })).toMatchObject({ valid: false, reason: expect.stringContaining('no x-vigil-signature') });
    expect(await check({ signature: 'md5=abc' })).toMatchObject({ valid: false, reason: expect.stringContaining('sha256=<hex>') });
    expect(await check({ signature: 'sha256=zz' })).toMatchObject({ valid: false });
    expect(await check({ timestamp: 'yesterday' })).toMatchObject({ valid: false, reason: expect.stringContaining('timestamp') });
  });
});
