import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalRuntime, type LocalRuntime } from '../../runtime/local/local-runtime';
import type { LocalRuntimeOptions } from '../../runtime/local/local-runtime-options';
import type { PortRange } from '../../runtime/local/port-allocator';
import type { WorkloadSpec } from '../../runtime/workload-runtime.port';
import { createLogger } from '../../server/logger';
import type { FakeServerBehaviour, FakeServerSpecRequest } from './runtime-contract';

export const fakeServerScript = fileURLToPath(new URL('../fixtures/fake-algorithm-server.ts', import.meta.url));

/** Written into every fixture process's argv, so the tests can count (and finally kill) exactly their own processes. */
export const testRunMarker = `vigil-runtime-test-${process.pid}-${randomUUID().slice(0, 8)}`;

/** Fast probes and backoff so that crash loops and hangs play out in seconds. */
export const fastSupervision = {
  probe: { intervalMs: 100, timeoutMs: 300, livenessFailureThreshold: 3, startupGraceMs: 3_000 },
  backoff: { initialDelayMs: 250, maxDelayMs: 5_000, resetAfterHealthyMs: 60_000 },
  terminationGraceMs: 1_000,
  exitPollMs: 50,
} satisfies Partial<LocalRuntimeOptions>;

/** A slice of the port range per test process, so that parallel test files rarely probe the same ports. */
export const testPortRange: PortRange = { min: 40_000 + (process.pid % 100) * 200, max: 40_000 + (process.pid % 100) * 200 + 199 };

export function instanceArgument(id: string): string {
  return `--instance=${testRunMarker}:${id}`;
}

export function fakeServerSpec(request: FakeServerSpecRequest): WorkloadSpec {
  return {
    id: request.id,
    kind: 'algorithm-server',
    owner: request.owner,
    labels: request.labels ?? {},
    command: [process.execPath, fakeServerScript, '--port={port}', instanceArgument(request.id), ...behaviourFlags(request.behaviour ?? {})],
    env: request.env ?? {},
    image: 'vigil/fake-algorithm-server:test',
    port: 8080,
    health: { liveness: '/healthz', readiness: '/readyz' },
    resources: {},
  };
}

function behaviourFlags(behaviour: FakeServerBehaviour): string[] {
  const flags: string[] = [];
  if (behaviour.crashOnStart) flags.push('--crash-on-start');
  if (behaviour.crashAfterSeconds !== undefined) flags.push(`--crash-after=${behaviour.crashAfterSeconds}`);
  if (behaviour.hangAfterSeconds !== undefined) flags.push(`--hang-after=${behaviour.hangAfterSeconds}`);
  if (behaviour.readyAfterSeconds !== undefined) flags.push(`--ready-after=${behaviour.readyAfterSeconds}`);
  if (behaviour.spawnHelper) flags.push('--spawn-helper');
  return flags;
}

const stateDirectories: string[] = [];

export function newStateDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'vigil-runtime-'));
  stateDirectories.push(directory);
  return directory;
}

/** After the last test: removes every state directory this test process made (state files and workload logs). */
export function removeStateDirectories(): void {
  for (const directory of stateDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/** Options for a runtime over `directory`'s state file; the same directory gives the next instance the same state. */
export function localRuntimeOptions(directory: string): LocalRuntimeOptions {
  return {
    stateFile: join(directory, 'state.json'),
    logDirectory: join(directory, 'logs'),
    // Quiet by default; VIGIL_TEST_RUNTIME_LOG_LEVEL=debug shows the supervisor's decisions when a test fails.
    logger: createLogger({ level: process.env.VIGIL_TEST_RUNTIME_LOG_LEVEL ?? 'silent' }),
    portRange: testPortRange,
    baseEnvironment: { PATH: process.env.PATH },
    ...fastSupervision,
  };
}

export function createTestLocalRuntime(directory = newStateDirectory()): Promise<LocalRuntime> {
  return createLocalRuntime(localRuntimeOptions(directory));
}

/** Pids of live (non-zombie) processes whose argv contains `argument` exactly: how many copies of a workload run. */
export function processesWithArgument(argument: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (argv.includes(argument) && state !== 'Z') pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** Processes of this test run (fixtures and their helpers) whose argv mentions the run marker anywhere. */
export function processesOfThisRun(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(testRunMarker)) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

export function isAlive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== undefined && state !== 'Z';
  } catch {
    return false;
  }
}
