import { createServer, type Server } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as events from '../app/api/v1/alarms/events/route';
import * as snapshot from '../app/api/v1/alarms/[id]/snapshot/route';
import * as alarm from '../app/api/v1/alarms/[id]/route';
import * as tokens from '../app/api/v1/tokens/route';
import { createWebsocketGateway } from '../server/web/websocket-gateway';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const event = (id: string, state: 'start' | 'update' | 'end', time: string) => ({
  id,
  version: 1 as const,
  type: 'intrusion',
  state,
  time,
  pipeline: { id: 'pip_x', name: 'Gate', revision: 2 },
  camera: { id: 'cam_x', name: 'Gate 1' },
  algorithm: { id: 'alg_x', name: 'person', version: '1.0.0' },
  objects: [{ label: 'person', score: 0.91, box: { x: 10, y: 20, width: 30, height: 60 }, trackId: 4 }],
  region: { id: 'zone', kind: 'polygon' as const },
});

describe.each(dialects)('alarm ingestion and live feed on %s', (dialect) => {
  let t: TestApp;
  let service: ApiClient;
  let viewer: ApiClient;
  let server: Server;
  let wsUrl: string;
  let jpeg: Buffer;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const operator = await loggedIn(t, 'operator');
    const token = await operator.call(tokens.POST, { method: 'POST', body: { name: 'analyzers', role: 'operator' } });
    service = new ApiClient();
    service.bearer = token.json.token;
    viewer = await loggedIn(t, 'viewer');
    const gateway = createWebsocketGateway(t.app);
    server = createServer((_req, res) => res.writeHead(404).end());
    server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    wsUrl = `ws://127.0.0.1:${(server.address() as { port: number }).port}/ws`;
    jpeg = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#345' } }).jpeg().toBuffer();
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  function connect(headers: Record<string, string>): Promise<{ socket: WebSocket; messages: { type: string; payload: any }[] }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(wsUrl, { headers });
      const messages: { type: string; payload: any }[] = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data))));
      socket.once('open', () => resolve({ socket, messages }));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  it('stores an event with its snapshot, serves the snapshot, and pushes it to websocket clients', async () => {
    const client = await connect({ cookie: viewer.cookieHeader() });
    const id = `alm_${dialect}0001`;
    const res = await service.call(events.POST, { method: 'POST', body: { event: event(id, 'start', '2026-11-25T01:00:00.000Z'), snapshotJpegBase64: jpeg.toString('base64'), snapshotSize: { width: 64, height: 36 } } });
    expect(res.status).toBe(201);
    expect(res.json.snapshot).toEqual({ url: `/api/v1/alarms/${id}/snapshot`, width: 64, height: 36 });

    const stored = await viewer.call(alarm.GET, { params: { id } });
    expect(stored.json).toMatchObject({ state: 'start', cameraId: 'cam_x', event: { objects: [{ trackId: 4 }] } });
    const image = await snapshot.GET(new Request(`http://vigil.test/api/v1/alarms/${id}/snapshot`, { headers: { cookie: viewer.cookieHeader() } }), { params: Promise.resolve({ id }) });
    expect(Buffer.from(await image.arrayBuffer()).equals(jpeg)).toBe(true);

    await expect.poll(() => client.messages.map((m) => m.type)).toEqual(['hello', 'alarm.start']);
    expect(client.messages[1]!.payload.id).toBe(id);
    client.socket.close();
  });

  it('accepts a re-sent event without duplicating, and moves the alarm to end', async () => {
    const id = `alm_${dialect}0002`;
    const start = { event: event(id, 'start', '2026-11-25T02:00:00.000Z') };
    expect((await service.call(events.POST, { method: 'POST', body: start })).status).toBe(201);
    expect((await service.call(events.POST, { method: 'POST', body: start })).status).toBe(201);
    await service.call(events.POST, { method: 'POST', body: { event: event(id, 'end', '2026-11-25T02:00:07.000Z') } });
    const rows = await t.app.db.selectFrom('alarms').select(['state', 'ended_at']).where('id', '=', id).execute();
    expect(rows).toEqual([{ state: 'end', ended_at: '2026-11-25T02:00:07.000Z' }]);
  });

  it('keeps the start snapshot when updates without a picture move the alarm on', async () => {
    const id = `alm_${dialect}0003`;
    await service.call(events.POST, { method: 'POST', body: { event: event(id, 'start', '2026-11-25T04:00:00.000Z'), snapshotJpegBase64: jpeg.toString('base64'), snapshotSize: { width: 64, height: 36 } } });
    expect((await service.call(events.POST, { method: 'POST', body: { event: event(id, 'update', '2026-11-25T04:00:02.000Z') } })).status).toBe(201);
    const stored = await viewer.call(alarm.GET, { params: { id } });
    expect(stored.json).toMatchObject({ state: 'update', event: { state: 'update', snapshot: { url: `/api/v1/alarms/${id}/snapshot`, width: 64, height: 36 } } });
  });

  it('refuses bad events, viewers and strangers', async () => {
    const bad = await service.call(events.POST, { method: 'POST', body: { event: event('alm_bad1', 'start', '2026-11-25T03:00:00Z'), snapshotJpegBase64: Buffer.from('not a jpeg').toString('base64'), snapshotSize: { width: 1, height: 1 } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('snapshotJpegBase64');
    expect((await t.app.db.selectFrom('alarms').select('id').where('id', '=', 'alm_bad1').execute()).length).toBe(0);
    const badId = await service.call(events.POST, { method: 'POST', body: { event: event('../../etc', 'start', '2026-11-25T03:00:00Z') } });
    expect(badId.status).toBe(400);
    expect(badId.json.error.message).toContain('event.id');
    expect((await viewer.call(events.POST, { method: 'POST', body: { event: event('alm_view1', 'start', '2026-11-25T03:00:00Z') } })).status).toBe(403);
    expect((await new ApiClient().call(events.POST, { method: 'POST', body: {} })).status).toBe(401);
    await expect(connect({})).rejects.toThrow('HTTP 401');
  });
});
