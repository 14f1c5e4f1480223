import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pingDatabase } from '../../db/connect';
import type { SystemHealth } from '../../lib/contracts/dashboard';
import type { StreamsResponse } from '../../lib/media/stream-status';
import type { AppContext } from '../app-context';
import { readDiskUsageWithStatfs, type ReadDiskUsage } from '../retention/disk-usage';
import { listStreams } from '../streams/list-streams';
import { workerStateOf } from './worker-state';
import { errorMessage, withTimeout } from './with-timeout';

const checkTimeoutMs = 3000;

export interface SystemReading {
  health: SystemHealth;
  /** Camera relays on the media server by camera id; null when it did not answer or there is none. */
  relays: Map<string, 'publishing' | 'reconnecting' | 'idle'> | null;
}

async function timed(check: () => Promise<void>, what: string): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await withTimeout(check(), checkTimeoutMs, what);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: errorMessage(error) };
  }
}

async function readWorker(app: AppContext): Promise<SystemHealth['worker']> {
  const { taskQueue } = app.config.temporal;
  const probe = app.workflows.taskQueuePollers?.bind(app.workflows);
  if (!probe) return { state: 'unknown', taskQueue, pollers: 0, lastPollAt: null, error: 'this workflow engine cannot list task queue pollers' };
  try {
    return workerStateOf(await withTimeout(probe(), checkTimeoutMs, 'Temporal (describe task queue)'), taskQueue, app.now());
  } catch (error) {
    return { state: 'unknown', taskQueue, pollers: 0, lastPollAt: null, error: errorMessage(error) };
  }
}

async function readMedia(app: AppContext): Promise<{ media: SystemHealth['mediaServer']; relays: SystemReading['relays'] }> {
  if (app.config.media.server === 'none') return { media: { state: 'disabled', streams: 0 }, relays: null };
  let streams: StreamsResponse;
  try {
    streams = await listStreams(app, new URL('http://localhost/'));
  } catch (error) {
    return { media: { state: 'down', streams: 0, error: errorMessage(error) }, relays: null };
  }
  const relays = new Map(streams.items.filter((stream) => stream.kind === 'relay').map((stream) => [stream.name, stream.state] as const));
  return { media: { state: 'up', streams: streams.items.length }, relays };
}

async function readDisk(path: string, readDiskUsage: ReadDiskUsage): Promise<SystemHealth['disk']> {
  try {
    const usage = await readDiskUsage(path);
    return { path, ok: true, totalBytes: usage.totalBytes, freeBytes: usage.freeBytes, freeRatio: usage.totalBytes > 0 ? usage.freeBytes / usage.totalBytes : null };
  } catch (error) {
    return { path, ok: false, totalBytes: null, freeBytes: null, freeRatio: null, error: errorMessage(error) };
  }
}

/** The box and the platform's parts, each check bounded by a short timeout and run side by side. */
export async function readSystemHealth(app: AppContext, readDiskUsage: ReadDiskUsage = readDiskUsageWithStatfs): Promise<SystemReading> {
  const [database, temporal, worker, media, disk] = await Promise.all([
    timed(() => pingDatabase(app.db), 'the database'),
    timed(() => app.workflows.checkHealth(), 'Temporal'),
    readWorker(app),
    readMedia(app),
    readDisk(resolve(app.config.dataDir), readDiskUsage),
  ]);
  const cores = availableParallelism();
  const [load1 = 0, load5 = 0] = loadavg();
  const total = totalmem();
  const free = freemem();
  const ok = database.ok && temporal.ok && worker.state === 'polling' && media.media.state !== 'down' && disk.ok;
  return {
    health: {
      status: ok ? 'ok' : 'degraded',
      cpu: { cores, load1, load5, loadPerCore: load1 / cores },
      memory: { totalBytes: total, freeBytes: free, usedRatio: total > 0 ? (total - free) / total : 0 },
      disk,
      database: { ...database, dialect: app.config.database.dialect },
      temporal: { ...temporal, address: app.config.temporal.address },
      worker,
      mediaServer: media.media,
    },
    relays: media.relays,
  };
}
