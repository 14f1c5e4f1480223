import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../runtime/local/local-runtime';
import { StateFileLockedError } from '../runtime/local/local-runtime-errors';
import { isPortFree } from '../runtime/local/port-allocator';
import { identifyProcess } from '../runtime/local/process-identity';
import { RuntimeClosedError } from '../runtime/workload-errors';
import type { WorkloadStatus } from '../runtime/workload-runtime.port';
import {
  createTestLocalRuntime,
  fakeServerSpec,
  instanceArgument,
  isAlive,
  localRuntimeOptions,
  newStateDirectory,
  processesOfThisRun,
  processesWithArgument,
  removeStateDirectories,
  testPortRange,
} from './support/local-runtime-harness';
import { describeRuntimeContract } from './support/runtime-contract';
import { waitForWorkload } from './support/wait-for-workload';

afterAll(() => {
  // A failed test must not leave fixture processes behind for the next run.
  for (const pid of processesOfThisRun()) process.kill(pid, 'SIGKILL');
  removeStateDirectories();
});

describeRuntimeContract('local runtime', () => ({
  createRuntime: () => createTestLocalRuntime(),
  fakeServerSpec,
  killWorkload: async (status) => void process.kill(status.pid!, 'SIGKILL'),
  initialRestartDelayMs: 250,
  timeoutMs: 10_000,
}));

const hostScript = fileURLToPath(new URL('./fixtures/local-runtime-host.ts', import.meta.url));
const waitFor = (runtime: LocalRuntime, id: string, what: string, predicate: (status: WorkloadStatus) => boolean) =>
  waitForWorkload(runtime, id, what, predicate, { timeoutMs: 10_000 });

describe('local runtime: processes, ports and adoption', () => {
  const opened: LocalRuntime[] = [];
  const open = async (directory?: string) => {
    const runtime = await createTestLocalRuntime(directory);
    opened.push(runtime);
    return runtime;
  };

  afterEach(async () => {
    for (const runtime of opened.splice(0).reverse()) {
      try {
        for (const status of await runtime.list()) await runtime.remove(status.id);
      } catch (error) {
        if (!(error instanceof RuntimeClosedError)) throw error;
      }
      await runtime.close();
    }
  });

  it('runs the command with {port} and PORT from the configured range, and the server answers at its endpoint', async () => {
    const runtime = await open();
    const spec = fakeServerSpec({ id: 'local-endpoint', owner: 'pip_a', env: { ADDRESS: 'http://127.0.0.1:{port}' } });
    await runtime.deploy(spec);
    const ready = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
    const { host, port } = ready.endpoint!;
    expect(port).toBeGreaterThanOrEqual(testPortRange.min);
    expect(port).toBeLessThanOrEqual(testPortRange.max);
    expect(JSON.parse(await httpGet(`http://${host}:${port}/v1/info`))).toMatchObject({ name: 'fake' });
    const environment = readFileSync(`/proc/${ready.pid}/environ`, 'utf8').split('\0');
    expect(environment).toContain(`PORT=${port}`);
    expect(environment).toContain(`ADDRESS=http://127.0.0.1:${port}`);

    const other = fakeServerSpec({ id: 'local-endpoint-2', owner: 'pip_a' });
    await runtime.deploy(other);
    expect((await runtime.status(other.id))!.endpoint!.port).not.toBe(port);
  });

  it('after kill -9 the server is back within the backoff: a new pid on the same port, restart count 1', async () => {
    const runtime = await open();
    const spec = fakeServerSpec({ id: 'local-kill', owner: 'pip_a' });
    await runtime.deploy(spec);
    const before = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
    const killedAt = Date.now();
    process.kill(before.pid!, 'SIGKILL');
    const after = await waitFor(runtime, spec.id, 'ready after the kill', (status) => status.restarts === 1 && status.ready);
    // First restart after 250 ms; a few probe periods to answer readiness.
    expect(Date.now() - killedAt).toBeLessThan(3_000);
    expect(after.pid).not.toBe(before.pid);
    expect(after.endpoint).toEqual(before.endpoint);
    expect(after.lastExit).toMatchObject({ code: null, signal: 'SIGKILL', reason: 'exited' });
    expect(processesWithArgument(instanceArgument(spec.id))).toEqual([after.pid]);
  });

  it('remove() ends the whole process group, helpers included, and frees the port', async () => {
    const runtime = await open();
    const spec = fakeServerSpec({ id: 'local-remove', owner: 'pip_a', behaviour: { spawnHelper: true } });
    await runtime.deploy(spec);
    const ready = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
    const helpers = () => processesOfThisRun().filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--helper-of=`));
    await expect.poll(() => helpers().length).toBe(1);
    const [helper] = helpers();
    expect(await isPortFree(ready.endpoint!.port)).toBe(false);

    expect(await runtime.remove(spec.id, { owner: 'pip_a' })).toMatchObject({ outcome: 'removed' });
    expect(isAlive(ready.pid!)).toBe(false);
    await expect.poll(() => isAlive(helper!)).toBe(false);
    expect(await isPortFree(ready.endpoint!.port)).toBe(true);
    await expect(runtime.logs(spec.id)).rejects.toThrow(/does not exist/);
  });

  it('persists pid, process start time, port and spec hash in its state file', async () => {
    const directory = newStateDirectory();
    const runtime = await open(directory);
    const spec = fakeServerSpec({ id: 'local-state', owner: 'pip_a' });
    const deployed = await runtime.deploy(spec);
    const state = JSON.parse(readFileSync(localRuntimeOptions(directory).stateFile, 'utf8'));
    expect(state.workloads).toHaveLength(1);
    expect(state.workloads[0]).toMatchObject({
      spec: { id: spec.id },
      specHash: deployed.specHash,
      owners: ['pip_a'],
      port: deployed.endpoint!.port,
      process: { pid: deployed.pid, startTime: identifyProcess(deployed.pid!)!.startTime },
    });
  });

  it('gives a process its secretEnv like env, never on argv or in status or list; a new secret value replaces it; state file 0600', async () => {
    const directory = newStateDirectory();
    const runtime = await open(directory);
    const spec = { ...fakeServerSpec({ id: 'local-secret', owner: 'pip_a', env: { PLAIN: 'yes' } }), secretEnv: { SERVICE_TOKEN: 'vgl_local-secret' } };
    const deployed = await runtime.deploy(spec);
    const ready = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
    const environmentOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environmentOf(ready.pid!)).toEqual(expect.arrayContaining(['SERVICE_TOKEN=vgl_local-secret', 'PLAIN=yes']));
    expect(readFileSync(`/proc/${ready.pid}/cmdline`, 'utf8')).not.toContain('vgl_local-secret');
    expect(JSON.stringify([deployed, ready, await runtime.status(spec.id), await runtime.list()])).not.toContain('vgl_local-secret');
    // The state file keeps the spec (secretEnv included) for the next instance: only the platform's user may read it.
    const { stateFile } = localRuntimeOptions(directory);
    expect(readFileSync(stateFile, 'utf8')).toContain('vgl_local-secret');
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    const rotated = await runtime.deploy({ ...spec, secretEnv: { SERVICE_TOKEN: 'vgl_rotated' } });
    expect(rotated.specHash).not.toBe(deployed.specHash);
    const replaced = await waitFor(runtime, spec.id, 'ready with the new secret', (status) => status.ready && status.pid !== ready.pid);
    expect(environmentOf(replaced.pid!)).toContain('SERVICE_TOKEN=vgl_rotated');
    await expect(runtime.deploy({ ...spec, secretEnv: { PLAIN: 'clash' } })).rejects.toThrow(/secretEnv: a name is in both env and secretEnv/);
  });

  it('a new instance over the same state file adopts the running processes without duplicates and keeps supervising them', async () => {
    const directory = newStateDirectory();
    const first = await open(directory);
    const server = fakeServerSpec({ id: 'local-adopt', owner: 'pip_a' });
    await first.deploy(server);
    const running = await waitFor(first, server.id, 'ready', (status) => status.ready);
    await first.close();
    await expect(first.list()).rejects.toBeInstanceOf(RuntimeClosedError);
    expect(isAlive(running.pid!)).toBe(true);

    const second = await open(directory);
    const adopted = await waitFor(second, server.id, 'ready (adopted)', (status) => status.ready);
    expect(adopted).toMatchObject({ pid: running.pid, restarts: 0, endpoint: running.endpoint, owners: ['pip_a'] });
    expect(processesWithArgument(instanceArgument(server.id))).toEqual([running.pid]);
    expect((await second.logs(server.id)).some((line) => line.includes('listening on'))).toBe(true);

    // Deploying the same spec again through the new instance must not start a second copy.
    await second.deploy(server);
    expect(processesWithArgument(instanceArgument(server.id))).toEqual([running.pid]);

    // Not our child any more, yet its death is noticed and repaired.
    process.kill(running.pid!, 'SIGKILL');
    const restarted = await waitFor(second, server.id, 'restarted after the adopted process died', (status) => status.restarts === 1 && status.ready);
    expect(restarted.lastExit?.reason).toBe('vanished');
    expect(processesWithArgument(instanceArgument(server.id))).toEqual([restarted.pid]);
  });

  it('after the platform is killed with -9, adopts what still runs and restarts what died meanwhile', async () => {
    const directory = newStateDirectory();
    const survivor = fakeServerSpec({ id: 'local-survivor', owner: 'pip_a' });
    const casualty = fakeServerSpec({ id: 'local-casualty', owner: 'pip_a' });
    const statuses = await runPlatformUntilReady(directory, [survivor, casualty]);
    const pidOf = (id: string) => statuses.find((status) => status.id === id)!.pid!;

    process.kill(pidOf(casualty.id), 'SIGKILL');
    await expect.poll(() => isAlive(pidOf(casualty.id))).toBe(false);

    const runtime = await open(directory);
    expect((await runtime.status(survivor.id))!.pid).toBe(pidOf(survivor.id));
    const restarted = await waitFor(runtime, casualty.id, 'restarted', (status) => status.ready);
    expect(restarted).toMatchObject({ restarts: 1, lastExit: { reason: 'missing-after-platform-restart' } });
    await waitFor(runtime, survivor.id, 'ready (adopted)', (status) => status.ready && status.restarts === 0);
    expect(processesWithArgument(instanceArgument(survivor.id))).toEqual([pidOf(survivor.id)]);
    expect(processesWithArgument(instanceArgument(casualty.id))).toEqual([restarted.pid]);
  });

  it('never adopts a recycled pid: a live process with another start time is left alone and the workload starts anew', async () => {
    const directory = newStateDirectory();
    const spec = fakeServerSpec({ id: 'local-recycled', owner: 'pip_a' });
    const options = localRuntimeOptions(directory);
    const stranger = process.pid; // alive, but not the process the state file means
    writeFileSync(
      options.stateFile,
      JSON.stringify({
        version: 1,
        workloads: [{ spec, specHash: 'old', owners: ['pip_a'], port: testPortRange.min, process: { pid: stranger, startTime: '1', startedAt: 0 }, restarts: 0, failureStreak: 0, logFile: `${options.logDirectory}/${spec.id}.log` }],
      }),
    );
    const runtime = await open(directory);
    const started = await waitFor(runtime, spec.id, 'ready', (status) => status.ready);
    expect(started.pid).not.toBe(stranger);
    expect(started.lastExit?.reason).toBe('missing-after-platform-restart');
  });

  it('refuses a second live instance over the same state file', async () => {
    const directory = newStateDirectory();
    await open(directory);
    await expect(createLocalRuntime(localRuntimeOptions(directory))).rejects.toBeInstanceOf(StateFileLockedError);
  });

  it('marks a workload whose command cannot be started as failed, without retrying', async () => {
    const runtime = await open();
    const spec = { ...fakeServerSpec({ id: 'local-no-binary', owner: 'pip_a' }), command: ['/nonexistent/vigil-algorithm', '--port={port}'] };
    await runtime.deploy(spec);
    const failed = await waitFor(runtime, spec.id, 'failed', (status) => status.phase === 'failed');
    expect(failed.message).toMatch(/could not start.*ENOENT/);
    expect(failed.restarts).toBe(0);
    expect(failed.endpoint).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 600)); // longer than the first backoff: no retry came
    expect(await runtime.status(spec.id)).toMatchObject({ phase: 'failed', restarts: 0 });
    // Deploying it again is the retry (level-triggered reconcile does exactly that).
    await runtime.deploy(spec);
    await waitFor(runtime, spec.id, 'failed again after the retry', (status) => status.phase === 'failed' && status.restarts === 1);
  });
});

/** Runs "the platform" (a local runtime) in a child process until its workloads are ready, then kills it with -9. */
async function runPlatformUntilReady(directory: string, specs: unknown[]): Promise<WorkloadStatus[]> {
  const { logger: _logger, ...options } = localRuntimeOptions(directory);
  const host = spawn(process.execPath, ['--import', 'tsx', hostScript, JSON.stringify({ options, specs })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const line = await new Promise<string>((resolve, reject) => {
    host.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.split('\n').find((text) => text.startsWith('READY ') || text.startsWith('TIMEOUT '));
      if (ready) resolve(ready);
    });
    host.once('exit', (code) => reject(new Error(`platform host exited (${code}) before its workloads were ready: ${output}`)));
  });
  if (!line.startsWith('READY ')) throw new Error(`platform host: ${line}`);
  const exited = new Promise((resolve) => host.once('exit', resolve));
  host.kill('SIGKILL');
  await exited;
  return JSON.parse(line.slice('READY '.length)) as WorkloadStatus[];
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
