import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../app/api/v1/audit/route';
import * as settings from '../app/api/v1/settings/route';
import * as tokens from '../app/api/v1/tokens/route';
import * as token from '../app/api/v1/tokens/[id]/route';
import * as users from '../app/api/v1/users/route';
import { recordAudit } from '../server/audit/record-audit';
import { ApiClient } from './support/api-client';
import { bearerClient, logInAs } from './support/log-in-as';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

interface Entry {
  id: string;
  at: string;
  action: string;
  resourceType: string;
  actorType: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

describe.each(dialects)('audit API on %s', (dialect) => {
  let t: TestApp;
  let admin: ApiClient;
  const list = (query = '') => admin.call<{ items: Entry[]; nextCursor: string | null }>(audit.GET, { path: `/api/v1/audit${query}` });

  beforeAll(async () => {
    // A strictly increasing clock: entries made within one millisecond would otherwise have no defined order.
    let last = 0;
    t = await startTestApp(dialect, { now: () => new Date((last = Math.max(Date.now(), last + 1))) });
    admin = await logInAs(await t.createUser('admin', 'root-admin'));
  });
  afterAll(async () => t.close());

  it('answers 401 without credentials and 403 to viewers and operators', async () => {
    expect((await new ApiClient().call(audit.GET)).status).toBe(401);
    expect((await (await logInAs(await t.createUser('viewer'))).call(audit.GET)).status).toBe(403);
    expect((await (await logInAs(await t.createUser('operator'))).call(audit.GET)).status).toBe(403);
  });

  it('shows changes newest first with who made them, via session or token', async () => {
    const created = await admin.call(users.POST, { method: 'POST', body: { username: 'audited', password: 'Audited-Password-1', role: 'viewer' } });
    expect(created.status).toBe(201);
    expect((await admin.call(settings.PATCH, { method: 'PATCH', body: { retentionDays: 45 } })).status).toBe(200);
    const issued = await admin.call(tokens.POST, { method: 'POST', body: { name: 'audit-bot' } });
    expect((await bearerClient(issued.json.token).call(token.DELETE, { method: 'DELETE', params: { id: issued.json.id } })).status).toBe(204);

    const res = await list();
    expect(res.status).toBe(200);
    const actions = res.json.items.map((item) => item.action);
    expect(actions.slice(0, 4)).toEqual(['token.revoke', 'token.create', 'settings.update', 'user.create']);
    expect(res.json.items[0]).toMatchObject({ actorType: 'token', actorName: 'root-admin', resourceType: 'api_token', resourceId: issued.json.id });
    expect(res.json.items[3]).toMatchObject({ actorType: 'user', actorName: 'root-admin', resourceType: 'user', resourceId: created.json.id, details: { username: 'audited', role: 'viewer' } });
    const ats = res.json.items.map((item) => item.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const dump = JSON.stringify(res.json);
    expect(dump).not.toContain('Audited-Password-1');
    expect(dump).not.toContain(issued.json.token);
  });

  it('filters by action and resource type', async () => {
    const byAction = await list('?action=user.create');
    expect(byAction.json.items.length).toBeGreaterThan(0);
    expect(new Set(byAction.json.items.map((item) => item.action))).toEqual(new Set(['user.create']));
    const byType = await list('?resourceType=settings');
    expect(byType.json.items.map((item) => item.action)).toEqual(['settings.update']);
    expect((await list('?action=nothing.like.this')).json).toEqual({ items: [], nextCursor: null });
  });

  it('pages through entries that share a timestamp without losing or repeating any', async () => {
    const at = new Date('2031-05-01T12:00:00.000Z');
    for (let i = 0; i < 7; i++) {
      await recordAudit(t.app.db, { actor: 'system', action: 'test.tick', resourceType: 'test', resourceId: `r${i}`, at });
    }
    const everything = (await list('?action=test.tick&limit=200')).json;
    expect(everything.items).toHaveLength(7);
    expect(everything.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?action=test.tick&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((item) => item.id));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(everything.items.map((item) => item.id));
    expect((await list('?limit=1')).json.items[0]!.action).toBe('test.tick');
  });

  it('names the offending query parameter', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?cursor=not-a-cursor', 'cursor'],
      [`?cursor=${Buffer.from('{"t":1}').toString('base64url')}`, 'cursor'],
      ['?actor=me', 'actor'],
    ] as const) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.json).toMatchObject({ error: { code: 'validation_failed' } });
      expect((res.json as unknown as { error: { message: string } }).error.message).toContain(field);
    }
  });

  it('defaults to 50 entries a page', async () => {
    const at = new Date('2020-01-01T00:00:00.000Z');
    for (let i = 0; i < 55; i++) await recordAudit(t.app.db, { actor: 'system', action: 'test.bulk', resourceType: 'test', at });
    const page = await list('?action=test.bulk');
    expect(page.json.items).toHaveLength(50);
    expect(page.json.nextCursor).not.toBeNull();
  });
});
