import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as tokens from '../app/api/v1/tokens/route';
import { freePort } from './media-fixtures';
import { loggedIn } from './support/logged-in';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The real web process (server/web/web-server.ts) with its real websocket gateway, /ws upgrade and seed-platform
 * alias port. Only Next.js is replaced: its request handler serves the alarm-ingest route handler in-process,
 * as the built app would (route code and the custom server share the event hub through globalThis).
 */
const created = vi.hoisted(() => ({ servers: [] as Server[] }));

vi.mock('node:http', async (importOriginal) => {
  const http = await importOriginal<typeof import('node:http')>();
  const createServer = ((...args: Parameters<typeof http.createServer>) => {
    const server = http.createServer(...args);
    created.servers.push(server);
    return server;
  }) as typeof http.createServer;
  return { ...http, default: { ...http, createServer }, createServer };
});

vi.mock('next', async () => {
  const events = await import('../app/api/v1/alarms/events/route');
  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    if (new URL(incoming.url ?? '/', 'http://localhost').pathname !== '/api/v1/alarms/events') return void outgoing.writeHead(404).end();
    const headers = new Headers();
    for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(key, value);
    const request = new Request(`http://127.0.0.1${incoming.url}`, { method: incoming.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await events.POST(request, { params: Promise.resolve({}) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  };
  return { default: () => ({ prepare: async () => undefined, getRequestHandler: () => handle }) };
});

const event = (id: string) => ({
  id,
  version: 1 as const,
  type: 'intrusion',
  state: 'start' as const,
  time: '2026-11-25T04:00:00.000Z',
  pipeline: { id: 'pip_alias', name: 'Gate', revision: 1 },
  camera: { id: 'cam_alias', name: 'Gate 1' },
  algorithm: { id: 'alg_alias', name: 'person', version: '1.0.0' },
  objects: [{ label: 'person', score: 0.9, box: { x: 10, y: 20, width: 30, height: 60 }, trackId: 1 }],
});

type Feed = { socket: WebSocket; messages: { type: string; payload: { id?: string } }[] };
/** Every client opened, so that a failing test cannot leave one holding a server open. */
const clients: WebSocket[] = [];

function connect(url: string, headers: Record<string, string> = {}): Promise<Feed> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    clients.push(socket);
    const messages: Feed['messages'] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('web process: the live feed on /ws and on the seed platform websocket alias port', () => {
  let t: TestApp;
  let token: string;
  let cookie: string;
  let webPort: number;
  let aliasPort: number;
  const signalHandlers = { SIGTERM: [] as NodeJS.SignalsListener[], SIGINT: [] as NodeJS.SignalsListener[] };

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const operator = await loggedIn(t, 'operator');
    token = (await operator.call(tokens.POST, { method: 'POST', body: { name: 'analyzers', role: 'operator' } })).json.token;
    cookie = (await loggedIn(t, 'viewer')).cookieHeader();
    // Free ports, never the real 5200: the web process reads them from its config (VIGIL_PORT, VIGIL_WS_ALIAS_PORT).
    [webPort, aliasPort] = [await freePort(), await freePort()];
    Object.assign(t.app.config, { host: '127.0.0.1', port: webPort, websocketAliasPort: aliasPort });
    const before = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
    await import('../server/web/web-server');
    // The process's shutdown handlers would exit this test worker: keep them out of its way.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      signalHandlers[signal] = process.listeners(signal).filter((listener) => !before[signal].includes(listener));
      for (const listener of signalHandlers[signal]) process.removeListener(signal, listener);
    }
  });
  afterAll(async () => {
    for (const client of clients) client.terminate();
    for (const server of created.servers) {
      server.closeAllConnections();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    }
    await t.close();
  });

  it('delivers an ingested alarm to a client on the alias port as well as to one on /ws of the web port', async () => {
    // The web process listens twice, on the ports its config names.
    expect(created.servers.filter((server) => server.listening).map((server) => (server.address() as AddressInfo).port)).toEqual([webPort, aliasPort]);
    expect(signalHandlers.SIGTERM).toHaveLength(1);
    const onWs = await connect(`ws://127.0.0.1:${webPort}/ws`, { cookie });
    // Seed clients connect to the bare port and cannot set headers: a token in the query string.
    const onAlias = await connect(`ws://127.0.0.1:${aliasPort}/?token=${token}`);
    await expect.poll(() => [onWs.messages[0]?.type, onAlias.messages[0]?.type]).toEqual(['hello', 'hello']);
    const response = await fetch(`http://127.0.0.1:${webPort}/api/v1/alarms/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event: event('alm_alias0001') }),
    });
    expect(response.status).toBe(201);
    for (const feed of [onWs, onAlias]) {
      await expect.poll(() => feed.messages.map((message) => message.type)).toEqual(['hello', 'alarm.start']);
      expect(feed.messages[1]!.payload.id).toBe('alm_alias0001');
    }
  });

  it('authenticates on the alias like on /ws, answers plain HTTP there with 426, and upgrades the web port only on /ws', async () => {
    await expect(connect(`ws://127.0.0.1:${aliasPort}/`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${aliasPort}/?token=vgl_not-a-token`)).rejects.toThrow('HTTP 401');
    const plain = await fetch(`http://127.0.0.1:${aliasPort}/`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get('upgrade')).toBe('websocket');
    await expect(connect(`ws://127.0.0.1:${webPort}/feed`, { cookie })).rejects.toThrow();
  });
});
