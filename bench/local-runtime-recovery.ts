/**
 * Prints how fast the local runtime starts, recovers and re-adopts a workload (the fake algorithm server), with the
 * default 1 s backoff and a 200 ms probe period. Figures only; nothing is asserted.
 *   node --import tsx bench/local-runtime-recovery.ts [rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalRuntime, type LocalRuntime } from '../runtime/local/local-runtime';
import type { LocalRuntimeOptions } from '../runtime/local/local-runtime-options';
import type { WorkloadSpec, WorkloadStatus } from '../runtime/workload-runtime.port';
import { createLogger } from '../server/logger';

const rounds = Number(process.argv[2] ?? 5);
const directory = mkdtempSync(join(tmpdir(), 'vigil-bench-runtime-'));
const options: LocalRuntimeOptions = {
  stateFile: join(directory, 'state.json'),
  logDirectory: join(directory, 'logs'),
  logger: createLogger({ level: 'silent' }),
  portRange: { min: 52_000, max: 52_999 },
  probe: { intervalMs: 200, timeoutMs: 500 },
};
const spec: WorkloadSpec = {
  id: 'bench-fake-server',
  kind: 'algorithm-server',
  owner: 'bench',
  labels: {},
  command: [process.execPath, fileURLToPath(new URL('../test/fixtures/fake-algorithm-server.ts', import.meta.url)), '--port={port}'],
  env: {},
  port: 8080,
  health: { liveness: '/healthz', readiness: '/readyz' },
  resources: {},
};

async function timeUntil(runtime: LocalRuntime, predicate: (status: WorkloadStatus) => boolean): Promise<number> {
  const started = performance.now();
  for (;;) {
    const status = await runtime.status(spec.id);
    if (status && predicate(status)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const figures = { 'deploy → ready': [] as number[], 'kill -9 → ready again': [] as number[], 'new instance → adopted and ready': [] as number[] };
let runtime = await createLocalRuntime(options);
try {
  for (let round = 0; round < rounds; round += 1) {
    await runtime.deploy(spec);
    figures['deploy → ready'].push(await timeUntil(runtime, (status) => status.ready));
    const { pid, restarts } = (await runtime.status(spec.id))!;
    process.kill(pid!, 'SIGKILL');
    figures['kill -9 → ready again'].push(await timeUntil(runtime, (status) => status.restarts > restarts && status.ready));
    await runtime.close();
    const reopened = performance.now();
    runtime = await createLocalRuntime(options);
    await timeUntil(runtime, (status) => status.ready);
    figures['new instance → adopted and ready'].push(performance.now() - reopened);
    await runtime.remove(spec.id);
  }
} finally {
  await runtime.close();
  rmSync(directory, { recursive: true, force: true });
}

for (const [name, samples] of Object.entries(figures)) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  console.log(`${name.padEnd(34)} median ${median.toFixed(0).padStart(5)} ms   min ${sorted[0]!.toFixed(0)}   max ${sorted.at(-1)!.toFixed(0)}   (n=${samples.length})`);
}
