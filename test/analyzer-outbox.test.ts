import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlarmOutbox } from '../analyzer/alarm-outbox';
import { createLogger } from '../server/logger';

const logger = createLogger({ level: 'silent' });
const body = (id: string) => ({
  event: {
    id,
    version: 1 as const,
    type: 'intrusion',
    state: 'start' as const,
    time: '2026-11-25T01:00:00.000Z',
    pipeline: { id: 'pip_x', name: 'P', revision: 1 },
    camera: { id: 'cam_x', name: 'C' },
    algorithm: { id: 'alg_x', name: 'a', version: '1.0.0' },
    objects: [],
  },
});

/** A receiver that answers each request with the next status in `statuses` (then 201), recording event ids. */
async function receiver(statuses: number[]): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const status = statuses.shift() ?? 201;
      if (status === 201) received.push((JSON.parse(text) as { event: { id: string } }).event.id);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1/alarms/events`, received };
}

describe('AlarmOutbox', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  it('retries through outages in order and sets aside events the platform rejects', async () => {
    const target = await receiver([503, 503, 201, 400]);
    servers.push(target.server);
    const spoolDir = mkdtempSync(join(tmpdir(), 'vigil-outbox-'));
    const outbox = new AlarmOutbox({ spoolDir, endpoint: target.url, token: 't', logger, initialDelayMs: 20, maxDelayMs: 100 });
    outbox.start();
    await outbox.add(body('alm_first'));
    await outbox.add(body('alm_broken'));
    await outbox.add(body('alm_third'));
    expect(await outbox.drained(5000)).toBe(true);
    await outbox.stop();
    expect(target.received).toEqual(['alm_first', 'alm_third']);
    expect(outbox.stats).toMatchObject({ sent: 2, retries: 2, rejected: 1 });
    expect(readdirSync(join(spoolDir, 'rejected'))).toHaveLength(1);
  });

  it('keeps events on disk while the platform is unreachable and a restarted outbox delivers them', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'vigil-outbox-'));
    const dead = new AlarmOutbox({ spoolDir, endpoint: 'http://127.0.0.1:1/api/v1/alarms/events', token: 't', logger, initialDelayMs: 20, maxDelayMs: 50 });
    dead.start();
    await dead.add(body('alm_kept'));
    expect(await dead.drained(300)).toBe(false);
    await dead.stop();

    const target = await receiver([]);
    servers.push(target.server);
    const restarted = new AlarmOutbox({ spoolDir, endpoint: target.url, token: 't', logger, initialDelayMs: 20 });
    restarted.start();
    expect(await restarted.drained(5000)).toBe(true);
    await restarted.stop();
    expect(target.received).toEqual(['alm_kept']);
  });
});
