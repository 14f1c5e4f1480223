import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as login from '../app/api/v1/auth/login/route';
import * as me from '../app/api/v1/auth/me/route';
import * as password from '../app/api/v1/auth/password/route';
import * as tokens from '../app/api/v1/tokens/route';
import * as users from '../app/api/v1/users/route';
import * as user from '../app/api/v1/users/[id]/route';
import type { AppError } from '../lib/errors';
import { ensureEnabledAdminRemains } from '../server/users/ensure-enabled-admin-remains';
import { ApiClient } from './support/api-client';
import { bearerClient, logInAs } from './support/log-in-as';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

describe.each(dialects)('users API on %s', (dialect) => {
  let t: TestApp;
  let root: { id: string; username: string; password: string };
  let admin: ApiClient;
  const secrets: string[] = [];
  const newPassword = (label: string) => {
    const value = `${label}-Secret-${Math.random().toString(36).slice(2)}`;
    secrets.push(value);
    return value;
  };
  const loginStatus = async (username: string, pw: string) => (await new ApiClient().call(login.POST, { method: 'POST', body: { username, password: pw } })).status;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    root = await t.createUser('admin', 'root-admin');
    secrets.push(root.password);
    admin = await logInAs(root);
  });
  afterAll(async () => t.close());

  it('answers 401 without credentials and 403 to viewers and operators on every users route', async () => {
    const target = await t.createUser('viewer');
    const calls = [
      () => [users.GET, {}] as const,
      () => [users.POST, { method: 'POST', body: { username: 'intruder', password: 'long-enough-pw', role: 'admin' } }] as const,
      () => [user.GET, { params: { id: target.id } }] as const,
      () => [user.PATCH, { method: 'PATCH', params: { id: target.id }, body: { role: 'admin' } }] as const,
      () => [user.DELETE, { method: 'DELETE', params: { id: target.id } }] as const,
    ];
    const viewer = await logInAs(await t.createUser('viewer'));
    const operator = await logInAs(await t.createUser('operator'));
    for (const call of calls) {
      const [handler, options] = call();
      expect((await new ApiClient().call(handler, options)).status).toBe(401);
      expect((await viewer.call(handler, options)).status).toBe(403);
      const refused = await operator.call(handler, options);
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('forbidden');
    }
    const row = await t.app.db.selectFrom('users').select('role').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row.role).toBe('viewer');
    expect(await t.app.db.selectFrom('users').select('id').where('username', '=', 'intruder').executeTakeFirst()).toBeUndefined();
  });

  it('creates a user who can log in, answers 409 to a taken username, and never returns a password hash', async () => {
    const pw = newPassword('alice');
    const created = await admin.call(users.POST, { method: 'POST', body: { username: 'alice', password: pw, role: 'operator' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username: 'alice', role: 'operator', locale: 'en', disabled: false });
    expect(created.json.id).toMatch(/^usr_/);
    expect(await loginStatus('alice', pw)).toBe(200);

    const duplicate = await admin.call(users.POST, { method: 'POST', body: { username: 'alice', password: newPassword('x'), role: 'viewer' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe('conflict');
    expect(duplicate.json.error.message).toContain('alice');

    const list = await admin.call(users.GET);
    expect(list.status).toBe(200);
    expect(list.json.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['alice', 'root-admin']));
    const one = await admin.call(user.GET, { params: { id: created.json.id } });
    expect(one.json).toEqual(created.json);
    for (const body of [created.json, list.json, one.json]) {
      expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
    }
  });

  it('answers 404 for an unknown user and names the field of an invalid body', async () => {
    for (const [handler, options] of [
      [user.GET, {}],
      [user.PATCH, { method: 'PATCH', body: { locale: 'en' } }],
      [user.DELETE, { method: 'DELETE' }],
    ] as const) {
      const res = await admin.call(handler, { ...options, params: { id: 'usr_missing' } });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
    const short = await admin.call(users.POST, { method: 'POST', body: { username: 'bob', password: 'short', role: 'viewer' } });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toContain('password');
    const badRole = await admin.call(users.POST, { method: 'POST', body: { username: 'bob', password: newPassword('bob'), role: 'root' } });
    expect(badRole.status).toBe(400);
    expect(badRole.json.error.message).toContain('role');
    const unknown = await admin.call(user.PATCH, { method: 'PATCH', params: { id: root.id }, body: { isAdmin: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('isAdmin');
  });

  it('refuses to delete, disable or demote the last enabled admin, and allows it once another admin exists', async () => {
    for (const [handler, options, verb] of [
      [user.PATCH, { method: 'PATCH', body: { role: 'operator' } }, 'demote'],
      [user.PATCH, { method: 'PATCH', body: { disabled: true } }, 'disable'],
      [user.DELETE, { method: 'DELETE' }, 'delete'],
    ] as const) {
      const refused = await admin.call(handler, { ...options, params: { id: root.id } });
      expect(refused.status).toBe(409);
      expect(refused.json.error.message).toContain(`Cannot ${verb} the last enabled admin`);
    }
    expect((await admin.call(me.GET)).json.user).toMatchObject({ role: 'admin', disabled: false });

    // A disabled admin does not count: root stays the last enabled one.
    const second = await admin.call(users.POST, { method: 'POST', body: { username: 'second-admin', password: newPassword('second'), role: 'admin' } });
    expect((await admin.call(user.PATCH, { method: 'PATCH', params: { id: second.json.id }, body: { disabled: true } })).status).toBe(200);
    expect((await admin.call(user.PATCH, { method: 'PATCH', params: { id: root.id }, body: { role: 'viewer' } })).status).toBe(409);

    // With two enabled admins, one may go.
    expect((await admin.call(user.PATCH, { method: 'PATCH', params: { id: second.json.id }, body: { disabled: false } })).status).toBe(200);
    const demoted = await admin.call(user.PATCH, { method: 'PATCH', params: { id: second.json.id }, body: { role: 'operator' } });
    expect(demoted.status).toBe(200);
    expect(demoted.json.role).toBe('operator');
    expect((await admin.call(user.DELETE, { method: 'DELETE', params: { id: second.json.id } })).status).toBe(204);
    expect((await admin.call(user.GET, { params: { id: second.json.id } })).status).toBe(404);
  });

  it('logs a user out when their password, role or enabled state changes, but not for a locale change', async () => {
    const pw = newPassword('carol');
    const carol = (await admin.call(users.POST, { method: 'POST', body: { username: 'carol', password: pw, role: 'viewer' } })).json;
    const patch = (body: object) => admin.call(user.PATCH, { method: 'PATCH', params: { id: carol.id }, body });

    let session = await logInAs({ username: 'carol', password: pw });
    expect((await patch({ locale: 'zh-CN' })).json.locale).toBe('zh-CN');
    expect((await session.call(me.GET)).status).toBe(200);

    expect((await patch({ role: 'operator' })).status).toBe(200);
    expect((await session.call(me.GET)).status).toBe(401);

    session = await logInAs({ username: 'carol', password: pw });
    const changed = newPassword('carol2');
    expect((await patch({ password: changed })).status).toBe(200);
    expect((await session.call(me.GET)).status).toBe(401);
    expect(await loginStatus('carol', pw)).toBe(401);

    session = await logInAs({ username: 'carol', password: changed });
    expect((await patch({ disabled: true })).json.disabled).toBe(true);
    expect((await session.call(me.GET)).status).toBe(401);
    expect(await loginStatus('carol', changed)).toBe(401);
    expect((await patch({ disabled: false })).status).toBe(200);
    expect(await loginStatus('carol', changed)).toBe(200);
  });

  it('deleting a user removes their sessions and API tokens', async () => {
    const dave = await t.createUser('operator', 'dave');
    const session = await logInAs(dave);
    const token = (await session.call(tokens.POST, { method: 'POST', body: { name: 'dave-ci' } })).json.token as string;
    secrets.push(token);
    expect((await bearerClient(token).call(me.GET)).status).toBe(200);

    expect((await admin.call(user.DELETE, { method: 'DELETE', params: { id: dave.id } })).status).toBe(204);
    expect((await session.call(me.GET)).status).toBe(401);
    expect((await bearerClient(token).call(me.GET)).status).toBe(401);
    expect(await t.app.db.selectFrom('sessions').select('id').where('user_id', '=', dave.id).execute()).toEqual([]);
    expect(await t.app.db.selectFrom('api_tokens').select('id').where('user_id', '=', dave.id).execute()).toEqual([]);
  });

  it('lets any user change their own password with the current one, logging out their other sessions', async () => {
    const erin = await t.createUser('viewer', 'erin');
    secrets.push(erin.password);
    const here = await logInAs(erin);
    const elsewhere = await logInAs(erin);
    const changed = newPassword('erin');

    expect((await new ApiClient().call(password.PUT, { method: 'PUT', body: { currentPassword: erin.password, newPassword: changed } })).status).toBe(401);
    const wrong = await here.call(password.PUT, { method: 'PUT', body: { currentPassword: 'not-my-password', newPassword: changed } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toContain('currentPassword');
    expect(await loginStatus('erin', erin.password)).toBe(200);

    const weak = await here.call(password.PUT, { method: 'PUT', body: { currentPassword: erin.password, newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.message).toContain('newPassword');

    const ok = await here.call(password.PUT, { method: 'PUT', body: { currentPassword: erin.password, newPassword: changed } });
    expect(ok.status).toBe(200);
    expect((await here.call(me.GET)).status).toBe(200);
    expect((await elsewhere.call(me.GET)).status).toBe(401);
    expect(await loginStatus('erin', erin.password)).toBe(401);
    expect(await loginStatus('erin', changed)).toBe(200);
  });

  it('lets any user change their own language and nothing else, keeping their session', async () => {
    const viewerAccount = await t.createUser('viewer');
    const viewer = await logInAs(viewerAccount);
    expect((await new ApiClient().call(me.PATCH, { method: 'PATCH', body: { locale: 'zh-CN' } })).status).toBe(401);
    const changed = await viewer.call(me.PATCH, { method: 'PATCH', body: { locale: 'zh-CN' } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ user: { id: viewerAccount.id, locale: 'zh-CN', role: 'viewer' } });
    // Still logged in, and the stored choice is what the next request sees.
    expect((await viewer.call(me.GET, {})).json).toMatchObject({ user: { locale: 'zh-CN' } });
    const escalation = await viewer.call(me.PATCH, { method: 'PATCH', body: { locale: 'en', role: 'admin' } });
    expect(escalation.status).toBe(400);
    expect((await viewer.call(me.PATCH, { method: 'PATCH', body: { locale: 'fr' } })).status).toBe(400);
    expect((await viewer.call(me.GET, {})).json).toMatchObject({ user: { locale: 'zh-CN', role: 'viewer' } });
  });

  it('rate-limits guesses of the current password', async () => {
    const frank = await t.createUser('viewer', 'frank');
    secrets.push(frank.password);
    const session = await logInAs(frank);
    for (let i = 0; i < t.app.config.login.maxFailures; i++) {
      expect((await session.call(password.PUT, { method: 'PUT', body: { currentPassword: `guess-${i}`, newPassword: 'a-new-long-password' } })).status).toBe(400);
    }
    const blocked = await session.call(password.PUT, { method: 'PUT', body: { currentPassword: frank.password, newPassword: 'a-new-long-password' } });
    expect(blocked.status).toBe(429);
  });

  it('lets only one of two overlapping demotions of the last two admins through', async () => {
    const other = await t.createUser('admin', 'race-admin');
    const dialectName = t.app.config.database.dialect;
    let firstChecked!: () => void;
    const firstHasChecked = new Promise<void>((resolve) => (firstChecked = resolve));
    // The first transaction checks, then holds on before writing while the second one checks.
    const first = t.app.db.transaction().execute(async (trx) => {
      await ensureEnabledAdminRemains(trx, dialectName, other.id, 'demote');
      firstChecked();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await trx.updateTable('users').set({ role: 'viewer' }).where('id', '=', other.id).execute();
    });
    await firstHasChecked;
    const second = t.app.db.transaction().execute(async (trx) => {
      await ensureEnabledAdminRemains(trx, dialectName, root.id, 'demote');
      await trx.updateTable('users').set({ role: 'viewer' }).where('id', '=', root.id).execute();
    });
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect(((outcomes[1] as PromiseRejectedResult).reason as AppError).code).toBe('conflict');
    const admins = await t.app.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).execute();
    expect(admins.map((row) => row.id)).toEqual([root.id]);
  });

  it('audits every user change without secrets', async () => {
    const rows = await t.app.db.selectFrom('audit_log').selectAll().where('resource_type', '=', 'user').execute();
    const actions = new Set(rows.map((row) => row.action));
    expect([...actions]).toEqual(expect.arrayContaining(['user.create', 'user.update', 'user.delete', 'user.password_change']));
    const demotion = rows.find((row) => row.action === 'user.update' && JSON.parse(row.details).role?.to === 'operator');
    expect(demotion).toMatchObject({ actor_type: 'user', actor_id: root.id });
    const dump = JSON.stringify(rows);
    for (const secret of secrets) expect(dump).not.toContain(secret);
    expect(dump).not.toContain('scrypt$');
  });

  it('never logs passwords or tokens', () => {
    expect(t.logs()).toContain('password change refused');
    for (const secret of secrets) expect(t.logs()).not.toContain(secret);
  });
});
