import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import { ensureWebBuild } from './lib/ensure-web-build';
import { spawnPrefixed } from './lib/prefixed-child';
import { describeLogin, prepareDatabase } from './lib/prepare-database';
import { startMediaServer, type MediaServerUrls } from './lib/start-media-server';
import { startTemporal } from './lib/start-temporal';
import { stopWorkloads } from './lib/stop-workloads';
import { createSupervisor, describeExit } from './lib/supervisor';
import { untilAborted } from './lib/until-aborted';
import { waitForHttp } from './lib/wait-for-http';

// One command for a one-box Vigil: database, Temporal dev server, media server, web (Next.js) and worker, stopped together.
const usage = `Usage: bash scripts/start.sh [--no-build]
  --no-build   start the existing .next build without checking whether it is stale
Settings come from the environment (VIGIL_PORT, VIGIL_DATA_DIR, TEMPORAL_ADDRESS, TEMPORAL_UI_PORT, VIGIL_RTMP_PORT, VIGIL_FLV_PORT, VIGIL_MEDIA_SERVER, ...).`;
const stopGraceMs = 10_000;

const { values: flags } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
if (flags.help) {
  console.log(usage);
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message: string) => process.stdout.write(`[platform] ${message}\n`);
const config = loadConfig();
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const engine = createTemporalEngine(config.temporal, createLogger({ level: 'error', name: 'vigil-platform' }));
const supervisor = createSupervisor(say, stopGraceMs);
const stop = new AbortController();
let exitCode = 0;

supervisor.onCrash((child, exit) => {
  if (stop.signal.aborted) return;
  exitCode = 1;
  say(`${child.name} exited unexpectedly (${describeExit(exit)}); stopping Vigil`);
  stop.abort(new Error(`${child.name} exited`));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stop.signal.aborted) {
      say(`${signal} again: killing all children now`);
      supervisor.killAll();
      process.exit(130);
    }
    say(`${signal} received; stopping Vigil`);
    stop.abort(new Error(signal));
  });
}

async function start(): Promise<void> {
  mkdirSync(config.dataDir, { recursive: true });
  const { migrations, admin } = await prepareDatabase(config, new Date());
  say(`database ready (${config.database.dialect}${migrations.length ? `, applied ${migrations.join(', ')}` : ''})`);
  stop.signal.throwIfAborted();
  if (!flags['no-build']) await ensureWebBuild({ root, nextBin, env, supervisor, signal: stop.signal, say });

  const temporal = await startTemporal(config, { engine, supervisor, signal: stop.signal, say, env });
  stop.signal.throwIfAborted();
  let media: MediaServerUrls | undefined;
  if (config.media.server === 'builtin') {
    media = await startMediaServer(config, { root, supervisor, signal: stop.signal, say, env });
    say(`media server ready (RTMP ${media.rtmp}, HTTP-FLV ${media.flv})`);
  }
  stop.signal.throwIfAborted();
  supervisor.add(spawnPrefixed('worker', process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: root, env }));
  // A custom server around Next.js: it also serves the websocket feed (/ws and the 5200 alias).
  supervisor.add(spawnPrefixed('web', process.execPath, ['--import', 'tsx', 'server/web/web-server.ts'], { cwd: root, env: { ...env, NODE_ENV: 'production' } }));

  const localHost = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  const webUrl = `http://${localHost}:${config.port}`;
  await waitForHttp(`${webUrl}/api/v1/health`, { timeoutMs: 90_000, intervalMs: 500, signal: stop.signal });
  // End to end through Temporal: proves the worker polls and reaches the database, not only that it started.
  const check = await untilAborted(engine.runHealthCheckWorkflow({ requestedBy: 'start-platform', timeoutMs: 60_000 }), stop.signal);
  say(`worker ready (pid ${check.worker.pid}, database ${check.database.ok ? 'ok' : `NOT ok: ${check.database.error}`})`);

  say('Vigil is running');
  say(`  web:          ${webUrl}`);
  say(`  Temporal UI:  ${temporal.uiUrl ?? `not started here (using the server at ${config.temporal.address})`}`);
  say(`  media:        ${media ? `RTMP ${media.rtmp}/<app>/<stream>, HTTP-FLV ${media.flv}/<app>/<stream>.flv, status ${media.status}` : 'not started here (VIGIL_MEDIA_SERVER=none)'}`);
  say(`  log in:       ${describeLogin(admin, config.admin.password !== undefined)}`);
  say('  Ctrl-C stops everything');
}

try {
  // Every wait inside start() ends when stop aborts (a crash, Ctrl-C), so it is awaited, not raced.
  await start();
  await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
} catch (error) {
  if (!stop.signal.aborted) {
    exitCode = 1;
    say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
} finally {
  await supervisor.stopAll();
  await engine.close();
  // After the worker is gone (it holds the runtime's lock): a deliberate stop takes the workloads down too.
  await stopWorkloads(config, say).catch((error: unknown) => say(`could not stop workloads: ${error instanceof Error ? error.message : String(error)}`));
  say(exitCode === 0 ? 'stopped' : `stopped after a failure (exit ${exitCode})`);
  process.exit(exitCode);
}
