import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as settings from '../app/api/v1/settings/route';
import { getSettings } from '../server/settings/get-settings';
import { ApiClient } from './support/api-client';
import { logInAs } from './support/log-in-as';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const defaults = {
  retentionDays: 30,
  retentionRunAt: '03:00',
  diskGuardMinFreePercent: 10,
  callbackPolicy: { allowPrivateNetworks: false, allowList: [], denyList: [] },
  callbackRetryHours: 24,
  defaultLocale: 'en',
  trainingEnabled: false,
};

describe.each(dialects)('settings API on %s', (dialect) => {
  let t: TestApp;
  let rootId: string;
  let admin: ApiClient;
  let viewer: ApiClient;
  const patch = (client: ApiClient, body: unknown) => client.call(settings.PATCH, { method: 'PATCH', body });
  const storedRows = () => t.app.db.selectFrom('settings').select(['key', 'value', 'updated_by']).orderBy('key').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const root = await t.createUser('admin', 'root-admin');
    rootId = root.id;
    admin = await logInAs(root);
    viewer = await logInAs(await t.createUser('viewer'));
  });
  afterAll(async () => t.close());

  it('answers 401 without credentials and gives viewers the defaults of an empty table', async () => {
    expect((await new ApiClient().call(settings.GET)).status).toBe(401);
    const res = await viewer.call(settings.GET);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(defaults);
    expect(await storedRows()).toEqual([]);
  });

  it('refuses changes from viewers and operators with 403', async () => {
    const operator = await logInAs(await t.createUser('operator'));
    for (const client of [viewer, operator]) {
      const res = await patch(client, { retentionDays: 7 });
      expect(res.status).toBe(403);
    }
    expect((await new ApiClient().call(settings.PATCH, { method: 'PATCH', body: { retentionDays: 7 } })).status).toBe(401);
    expect(await storedRows()).toEqual([]);
  });

  it('stores changed keys one row each and merges callbackPolicy fields into the current policy', async () => {
    const first = await patch(admin, { retentionDays: 90, callbackPolicy: { allowList: ['10.0.0.0/8', 'Hooks.Example.com'] } });
    expect(first.status).toBe(200);
    const expected = { ...defaults, retentionDays: 90, callbackPolicy: { allowPrivateNetworks: false, allowList: ['10.0.0.0/8', 'hooks.example.com'], denyList: [] } };
    expect(first.json).toEqual(expected);
    expect(await storedRows()).toEqual([
      { key: 'callbackPolicy', value: JSON.stringify(expected.callbackPolicy), updated_by: rootId },
      { key: 'retentionDays', value: '90', updated_by: rootId },
    ]);

    const second = await patch(admin, { callbackPolicy: { allowPrivateNetworks: true }, defaultLocale: 'zh-CN', trainingEnabled: true });
    expect(second.json.callbackPolicy).toEqual({ allowPrivateNetworks: true, allowList: ['10.0.0.0/8', 'hooks.example.com'], denyList: [] });
    expect(second.json).toMatchObject({ retentionDays: 90, defaultLocale: 'zh-CN', trainingEnabled: true });
    expect((await viewer.call(settings.GET)).json).toEqual(second.json);
    expect(await getSettings(t.app.db)).toEqual(second.json);
  });

  it('names the offending field and changes nothing when a value is invalid', async () => {
    const before = (await viewer.call(settings.GET)).json;
    for (const [body, field] of [
      [{ retentionDays: 0 }, 'retentionDays'],
      [{ retentionDays: 3651 }, 'retentionDays'],
      [{ retentionDays: 2.5 }, 'retentionDays'],
      [{ retentionRunAt: '24:00' }, 'retentionRunAt'],
      [{ retentionRunAt: '3:00' }, 'retentionRunAt'],
      [{ diskGuardMinFreePercent: 51 }, 'diskGuardMinFreePercent'],
      [{ callbackRetryHours: '24' }, 'callbackRetryHours'],
      [{ defaultLocale: 'fr' }, 'defaultLocale'],
      [{ trainingEnabled: 'yes' }, 'trainingEnabled'],
      [{ callbackPolicy: { allowList: ['good.example.com', 'not a host!'] } }, 'callbackPolicy.allowList.1'],
      [{ callbackPolicy: { denyList: ['10.0.0.1/33'] } }, 'callbackPolicy.denyList.0'],
      [{ callbackPolicy: { allowAll: true } }, 'allowAll'],
      [{ retentionDays: 5, maxCameras: 3 }, 'maxCameras'],
    ] as const) {
      const res = await patch(admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      expect(res.json.error.message).toContain(field);
    }
    expect((await viewer.call(settings.GET)).json).toEqual(before);
  });

  it('audits each change with before and after values, and not a change that changes nothing', async () => {
    const count = async () => (await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'settings.update').execute()).length;
    const before = await count();
    expect((await patch(admin, { retentionDays: 90 })).status).toBe(200);
    expect(await count()).toBe(before);
    expect((await patch(admin, { retentionDays: 14, retentionRunAt: '01:30' })).status).toBe(200);
    expect(await count()).toBe(before + 1);
    const entry = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_type: 'user', actor_id: rootId, resource_type: 'settings' });
    expect(JSON.parse(entry.details)).toEqual({ changes: { retentionDays: { from: 90, to: 14 }, retentionRunAt: { from: '03:00', to: '01:30' } } });
  });

  it('fails loudly on an invalid stored value, naming it, and lets a PATCH repair it', async () => {
    await t.app.db.updateTable('settings').set({ value: '-5' }).where('key', '=', 'retentionDays').execute();
    const broken = await viewer.call(settings.GET);
    expect(broken.status).toBe(500);
    expect(broken.json.error.message).toContain('retentionDays');
    await expect(getSettings(t.app.db)).rejects.toThrow(/retentionDays/);
    const repaired = await patch(admin, { retentionDays: 21 });
    expect(repaired.status).toBe(200);
    expect((await viewer.call(settings.GET)).json.retentionDays).toBe(21);
  });
});
