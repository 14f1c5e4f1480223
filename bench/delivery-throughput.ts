/**
 * Prints how fast an alarm reaches a callback receiver through the whole path (ingest route → delivery row →
 * AlarmDelivery workflow on a real Temporal dev server → signed POST), one alarm at a time and as a burst.
 * Figures only; nothing is asserted.
 *   node --import tsx bench/delivery-throughput.ts [latencyAlarms=50] [burstAlarms=200]
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import protoPackage from '@temporalio/proto';
import * as alarmEvents from '../app/api/v1/alarms/events/route';
import { deliveryWorkflowId } from '../lib/contracts/deliveries';
import { createLogger } from '../server/logger';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import { allowLoopbackCallbacks, seedCallbackPipeline, startEvent } from '../test/support/delivery-fixtures';
import { loggedIn } from '../test/support/logged-in';
import { startTemporalDevServer, startVigilWorker } from '../test/support/temporal-harness';
import { startTestApp } from '../test/support/test-app';

const latencyAlarms = Number(process.argv[2] ?? 50);
const burstAlarms = Number(process.argv[3] ?? 200);
const burstLanes = 10;
const taskQueue = `delivery-bench-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'delivery-bench' });

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

// The receiver is built here rather than taken from test/support: the bench needs the arrival time of each event
// id as it happens, not a list to poll afterwards (polling would add its own period to every latency).
const arrivals = new Map<string, number>();
let duplicates = 0;
const waiters = new Map<string, () => void>();
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const at = performance.now();
    const eventId = String(request.headers['x-vigil-event-id']);
    if (arrivals.has(eventId)) duplicates += 1;
    else arrivals.set(eventId, at);
    waiters.get(eventId)?.();
    response.writeHead(200).end('ok');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bench`;

const env = await startTemporalDevServer(logger);
const t = await startTestApp('sqlite', { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger) });
const worker = await startVigilWorker(env, taskQueue, {
  db: t.app.db,
  logger,
  secrets: t.app.secrets,
  dataDir: t.app.config.dataDir,
  resolveHost: async (host) => Promise.reject(new Error(`no name resolution in the bench: ${host}`)),
});

try {
  await allowLoopbackCallbacks(t.app.db);
  const pipelineId = 'pip_bench';
  const nodeId = 'cb-bench';
  await seedCallbackPipeline(t.app.db, { pipelineId, name: 'bench', nodeId, url, timeoutSeconds: 5 });
  const operator = await loggedIn(t, 'operator');

  async function ingest(alarmId: string): Promise<number> {
    const event = startEvent(alarmId, { id: pipelineId, name: 'bench' });
    const sent = performance.now();
    const res = await operator.call(alarmEvents.POST, { method: 'POST', body: { event, sinkNodeIds: [nodeId] } });
    if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.json)}`);
    return sent;
  }

  function arrival(alarmId: string, timeoutMs = 120_000): Promise<number> {
    const known = arrivals.get(alarmId);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${alarmId} not delivered within ${timeoutMs} ms`)), timeoutMs);
      waiters.set(alarmId, () => {
        clearTimeout(timer);
        waiters.delete(alarmId);
        resolve(arrivals.get(alarmId)!);
      });
    });
  }

  const newAlarmId = () => `alm_bench${randomBytes(6).toString('hex')}`;

  // Warm-up: the first workflow pays for the worker's bundle load and the first connections.
  for (let index = 0; index < 5; index += 1) {
    const alarmId = newAlarmId();
    await ingest(alarmId);
    await arrival(alarmId);
  }

  // One alarm at a time: the latency an operator sees on a quiet system.
  const quiet: number[] = [];
  for (let index = 0; index < latencyAlarms; index += 1) {
    const alarmId = newAlarmId();
    const sent = await ingest(alarmId);
    quiet.push((await arrival(alarmId)) - sent);
  }

  // Where one quiet delivery's time goes, from its workflow history (each task hop is a poll on the dev server).
  const sample = quiet.length > 0 ? [...arrivals.keys()].at(-1)! : undefined;
  const breakdown: string[] = [];
  if (sample) {
    const row = await t.app.db.selectFrom('callback_deliveries').select(['target_id']).where('alarm_id', '=', sample).executeTakeFirstOrThrow();
    const handle = env.client.workflow.getHandle(deliveryWorkflowId(sample, row.target_id!));
    // The callback arrives mid-activity; the history is only whole once the workflow has recorded the outcome.
    await handle.result();
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const first = Number(events[0]?.eventTime?.seconds ?? 0) * 1000 + (events[0]?.eventTime?.nanos ?? 0) / 1e6;
    for (const event of events) {
      const atMs = Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
      breakdown.push(`+${(atMs - first).toFixed(0).padStart(4)} ms ${protoPackage.temporal.api.enums.v1.EventType[event.eventType ?? 0]}`);
    }
  }

  // A burst: several analyzers reporting at once, as fast as the route takes them.
  const burstIds = Array.from({ length: burstAlarms }, newAlarmId);
  const sentAt = new Map<string, number>();
  const burstStarted = performance.now();
  await Promise.all(
    Array.from({ length: burstLanes }, async (_, lane) => {
      for (let index = lane; index < burstIds.length; index += burstLanes) sentAt.set(burstIds[index]!, await ingest(burstIds[index]!));
    }),
  );
  const ingestDone = performance.now();
  const burstArrivals = await Promise.all(burstIds.map((alarmId) => arrival(alarmId)));
  const lastArrival = Math.max(...burstArrivals);
  const firstArrival = Math.min(...burstArrivals);
  const burstLatency = burstIds.map((alarmId, index) => burstArrivals[index]! - sentAt.get(alarmId)!);

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`alarm → callback, one at a time (${latencyAlarms} alarms): median ${ms(percentile(quiet, 0.5))}, p99 ${ms(percentile(quiet, 0.99))}, max ${ms(Math.max(...quiet))}`);
  console.log(`one quiet delivery's workflow history:\n  ${breakdown.join('\n  ')}`);
  console.log(`burst of ${burstAlarms} alarms over ${burstLanes} concurrent ingest lanes:`);
  console.log(`  ingest took ${ms(ingestDone - burstStarted)} (${(burstAlarms / ((ingestDone - burstStarted) / 1000)).toFixed(0)} alarms/s accepted)`);
  console.log(`  first to last callback ${ms(lastArrival - firstArrival)}; first ingest to last callback ${ms(lastArrival - burstStarted)}`);
  console.log(`  sustained ${(burstAlarms / ((lastArrival - burstStarted) / 1000)).toFixed(1)} deliveries/s (whole burst), ${((burstAlarms - 1) / ((lastArrival - firstArrival) / 1000)).toFixed(1)} deliveries/s (between first and last callback)`);
  console.log(`  alarm → callback under the burst: median ${ms(percentile(burstLatency, 0.5))}, p99 ${ms(percentile(burstLatency, 0.99))}`);
  console.log(`duplicate callbacks: ${duplicates}`);
} finally {
  await worker.stop();
  await t.app.workflows.close();
  await t.close();
  await env.teardown();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
}
