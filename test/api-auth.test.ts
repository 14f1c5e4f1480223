import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as login from '../app/api/v1/auth/login/route';
import * as logout from '../app/api/v1/auth/logout/route';
import * as me from '../app/api/v1/auth/me/route';
import { ApiClient } from './support/api-client';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const credentials = (u: { username: string; password: string }) => ({ username: u.username, password: u.password });

describe.each(dialects)('auth API on %s', (dialect) => {
  let t: TestApp;
  let admin: { username: string; password: string };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.createUser('admin', 'root-admin');
  });
  afterAll(async () => t.close());

  it('answers 401 to a request without credentials', async () => {
    const res = await new ApiClient().call(me.GET);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const res = await new ApiClient().call(login.POST, { method: 'POST', body: { username: admin.username, password: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('logs in with a session cookie that is httpOnly and SameSite, and me returns the user', async () => {
    const client = new ApiClient();
    const res = await client.call(login.POST, { method: 'POST', body: credentials(admin) });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('vigil_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('vigil_session='))).toMatch(/SameSite=Lax/);
    expect(res.json.user).toMatchObject({ username: admin.username, role: 'admin' });
    const who = await client.call(me.GET);
    expect(who.status).toBe(200);
    expect(who.json.user.username).toBe(admin.username);
    expect(JSON.stringify(who.json)).not.toContain('password');
  });

  it('rejects a session-authenticated change without the CSRF header, accepts it with', async () => {
    const client = new ApiClient();
    await client.call(login.POST, { method: 'POST', body: credentials(admin) });
    const forged = await client.call(logout.POST, { method: 'POST', headers: { 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    expect(forged.json.error.code).toBe('csrf_failed');
    const ok = await client.call(logout.POST, { method: 'POST' });
    expect(ok.status).toBe(200);
    expect((await client.call(me.GET)).status).toBe(401);
  });

  it('rate-limits repeated failed logins with 429 and Retry-After, even for the right password', async () => {
    const user = await t.createUser('viewer');
    const client = new ApiClient();
    for (let i = 0; i < t.app.config.login.maxFailures; i++) {
      expect((await client.call(login.POST, { method: 'POST', body: { username: user.username, password: 'wrong' } })).status).toBe(401);
    }
    const blocked = await client.call(login.POST, { method: 'POST', body: credentials(user) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('names the field when the body is wrong, and rejects unknown fields and malformed JSON', async () => {
    const client = new ApiClient();
    const missing = await client.call(login.POST, { method: 'POST', body: { username: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain('password');
    const unknown = await client.call(login.POST, { method: 'POST', body: { username: 'x', password: 'y', admin: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('admin');
    const malformed = await client.call(login.POST, { method: 'POST', rawBody: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('malformed_json');
  });

  it('serves a route without dynamic segments when Next.js passes params that resolve to undefined', async () => {
    const res = await me.GET(new Request('http://vigil.test/api/v1/auth/me'), { params: Promise.resolve(undefined) });
    expect(res.status).toBe(401);
  });

  it('never logs the password', () => {
    expect(t.logs()).toContain('login failed');
    expect(t.logs()).not.toContain(admin.password);
  });
});
