import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as me from '../app/api/v1/auth/me/route';
import * as settings from '../app/api/v1/settings/route';
import * as tokens from '../app/api/v1/tokens/route';
import * as token from '../app/api/v1/tokens/[id]/route';
import * as users from '../app/api/v1/users/route';
import { hashOpaqueToken } from '../server/auth/opaque-token';
import { ApiClient } from './support/api-client';
import { bearerClient, logInAs } from './support/log-in-as';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const day = 86_400_000;

describe.each(dialects)('API tokens on %s', (dialect) => {
  let t: TestApp;
  let clockOffsetMs = 0;
  let admin: ApiClient;
  let operator: ApiClient;
  let viewer: ApiClient;
  const issued: string[] = [];
  const create = async (client: ApiClient, body: object) => {
    const res = await client.call(tokens.POST, { method: 'POST', body });
    if (typeof res.json?.token === 'string') issued.push(res.json.token);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: () => new Date(Date.now() + clockOffsetMs) });
    admin = await logInAs(await t.createUser('admin', 'root-admin'));
    operator = await logInAs(await t.createUser('operator', 'olga'));
    viewer = await logInAs(await t.createUser('viewer', 'victor'));
  });
  afterAll(async () => t.close());

  it('answers 401 without credentials', async () => {
    const anonymous = new ApiClient();
    expect((await anonymous.call(tokens.GET)).status).toBe(401);
    expect((await anonymous.call(tokens.POST, { method: 'POST', body: { name: 'x' } })).status).toBe(401);
    expect((await anonymous.call(token.DELETE, { method: 'DELETE', params: { id: 'tok_x' } })).status).toBe(401);
    expect((await bearerClient('vgt_not-a-real-token').call(me.GET)).status).toBe(401);
  });

  it('creates a token shown once, stores only its hash, authenticates with it and refuses it once revoked', async () => {
    const created = await create(operator, { name: 'ci deploy' });
    expect(created.status).toBe(201);
    const secret: string = created.json.token;
    expect(secret).toMatch(/^vgt_[A-Za-z0-9_-]{40,}$/);
    expect(created.json).toMatchObject({ name: 'ci deploy', role: 'operator', username: 'olga', expiresAt: null, lastUsedAt: null, prefix: secret.slice(0, 12) });
    expect(created.json.id).toMatch(/^tok_/);

    const row = await t.app.db.selectFrom('api_tokens').selectAll().where('id', '=', created.json.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashOpaqueToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));

    const who = await bearerClient(secret).call(me.GET);
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({ via: 'token', user: { username: 'olga' } });

    const listed = await operator.call(tokens.GET);
    const item = listed.json.items.find((i: { id: string }) => i.id === created.json.id);
    expect(item).toMatchObject({ name: 'ci deploy', prefix: secret.slice(0, 12) });
    expect(item.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect(JSON.stringify(listed.json)).not.toMatch(/token_?hash/i);

    expect((await operator.call(token.DELETE, { method: 'DELETE', params: { id: created.json.id } })).status).toBe(204);
    expect((await bearerClient(secret).call(me.GET)).status).toBe(401);
    expect((await operator.call(tokens.GET)).json.items.map((i: { id: string }) => i.id)).not.toContain(created.json.id);
    expect((await operator.call(token.DELETE, { method: 'DELETE', params: { id: created.json.id } })).status).toBe(404);
  });

  it("defaults the role to the creator's, refuses a higher one with 403, and the token acts with its own role", async () => {
    const adminToken = await create(admin, { name: 'full' });
    expect(adminToken.json.role).toBe('admin');
    expect((await bearerClient(adminToken.json.token).call(users.GET)).status).toBe(200);

    const readOnly = await create(admin, { name: 'read only', role: 'viewer' });
    expect(readOnly.status).toBe(201);
    expect((await bearerClient(readOnly.json.token).call(settings.GET)).status).toBe(200);
    expect((await bearerClient(readOnly.json.token).call(users.GET)).status).toBe(403);

    for (const [client, role] of [[viewer, 'operator'], [viewer, 'admin'], [operator, 'admin']] as const) {
      const refused = await create(client, { name: 'escalate', role });
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toContain(role);
    }
    expect(await t.app.db.selectFrom('api_tokens').select('id').where('name', '=', 'escalate').execute()).toEqual([]);
  });

  it('does not let a token mint further tokens', async () => {
    const parent = await create(admin, { name: 'parent' });
    const child = await bearerClient(parent.json.token).call(tokens.POST, { method: 'POST', body: { name: 'child' } });
    expect(child.status).toBe(403);
    expect(child.json.error.message).toContain('session');
  });

  it('refuses a token once it has expired', async () => {
    const created = await create(viewer, { name: 'short-lived', expiresInDays: 1 });
    expect(Date.parse(created.json.expiresAt) - Date.parse(created.json.createdAt)).toBe(day);
    const client = bearerClient(created.json.token);
    expect((await client.call(me.GET)).status).toBe(200);
    try {
      clockOffsetMs = day - 60_000;
      expect((await client.call(me.GET)).status).toBe(200);
      clockOffsetMs = day + 60_000;
      const expired = await client.call(me.GET);
      expect(expired.status).toBe(401);
      expect(expired.json.error.code).toBe('unauthenticated');
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("lets owner or admin revoke; to anyone else another user's token does not exist", async () => {
    const mine = await create(viewer, { name: 'victor-1' });
    const stranger = await logInAs(await t.createUser('viewer', 'mallory'));
    const refused = await stranger.call(token.DELETE, { method: 'DELETE', params: { id: mine.json.id } });
    expect(refused.status).toBe(404);
    expect((await operator.call(token.DELETE, { method: 'DELETE', params: { id: mine.json.id } })).status).toBe(404);
    expect((await bearerClient(mine.json.token).call(me.GET)).status).toBe(200);
    expect((await admin.call(token.DELETE, { method: 'DELETE', params: { id: mine.json.id } })).status).toBe(204);
    expect((await bearerClient(mine.json.token).call(me.GET)).status).toBe(401);
  });

  it("lists only the caller's tokens; admins may list everyone's with ?all=true", async () => {
    await create(operator, { name: 'olga-1' });
    const own = await operator.call(tokens.GET);
    expect(own.status).toBe(200);
    expect(own.json.items.map((i: { name: string }) => i.name)).toEqual(['olga-1']);
    expect((await viewer.call(tokens.GET, { path: '/api/v1/tokens?all=true' })).status).toBe(403);
    const all = await admin.call(tokens.GET, { path: '/api/v1/tokens?all=true' });
    expect(all.status).toBe(200);
    expect(new Set(all.json.items.map((i: { username: string }) => i.username))).toEqual(new Set(['root-admin', 'victor', 'olga']));
    const adminOwn = await admin.call(tokens.GET);
    expect(new Set(adminOwn.json.items.map((i: { username: string }) => i.username))).toEqual(new Set(['root-admin']));
    const typo = await admin.call(tokens.GET, { path: '/api/v1/tokens?al=true' });
    expect(typo.status).toBe(400);
    expect(typo.json.error.message).toContain('al');
  });

  it('names the field of an invalid body', async () => {
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'x', expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', expiresInDays: 1.5 }, 'expiresInDays'],
      [{ name: 'x', role: 'root' }, 'role'],
      [{ name: 'x', scopes: ['all'] }, 'scopes'],
    ] as const) {
      const res = await operator.call(tokens.POST, { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(res.json.error.message).toContain(field);
    }
  });

  it('audits creation and revocation without the secret, and never logs a token', async () => {
    const rows = await t.app.db.selectFrom('audit_log').selectAll().where('resource_type', '=', 'api_token').execute();
    expect(rows.filter((row) => row.action === 'token.create').length).toBeGreaterThanOrEqual(issued.length);
    expect(rows.some((row) => row.action === 'token.revoke')).toBe(true);
    const dump = JSON.stringify(rows);
    const logs = t.logs();
    expect(issued.length).toBeGreaterThan(3);
    for (const secret of issued) {
      expect(dump).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
