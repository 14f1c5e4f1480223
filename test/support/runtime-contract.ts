import { afterEach, describe, expect, it } from 'vitest';
import { WorkloadNotFoundError, WorkloadSpecError } from '../../runtime/workload-errors';
import type { WorkloadChange, WorkloadRuntime, WorkloadSpec, WorkloadStatus } from '../../runtime/workload-runtime.port';
import { waitForWorkload } from './wait-for-workload';

/** How test/fixtures/fake-algorithm-server.ts should misbehave (its flags). */
export interface FakeServerBehaviour {
  crashOnStart?: boolean;
  crashAfterSeconds?: number;
  hangAfterSeconds?: number;
  readyAfterSeconds?: number;
  spawnHelper?: boolean;
}

export interface FakeServerSpecRequest {
  id: string;
  owner: string;
  labels?: Record<string, string>;
  env?: Record<string, string>;
  behaviour?: FakeServerBehaviour;
}

/** What a runtime adapter supplies to run the shared contract; each adapter's test file builds one. */
export interface RuntimeContractHarness {
  /** A fresh runtime over fresh state, configured with fast probes and backoff. */
  createRuntime(): Promise<WorkloadRuntime>;
  /** A spec that runs the fake algorithm server with this behaviour (a command locally, an image on Kubernetes). */
  fakeServerSpec(request: FakeServerSpecRequest): WorkloadSpec;
  /** Makes the workload's process die from outside, as kill -9 or the OOM killer would. */
  killWorkload(status: WorkloadStatus): Promise<void>;
  /** The backoff's first delay the harness configured. */
  initialRestartDelayMs: number;
  /** Longest wait for one expectation on this runtime. */
  timeoutMs: number;
  /** How often a wait polls status (default 20 ms); a runtime whose status costs API calls polls less often. */
  pollIntervalMs?: number;
  /** Behaviours this runtime's test environment cannot show (e.g. kwok does not run containers or probes). */
  unsupported?: ReadonlyArray<'crash-loop' | 'hang' | 'slow-ready' | 'logs' | 'kill'>;
}

/**
 * The behaviour every WorkloadRuntime promises (runtime/workload-runtime.port.ts), run against a real runtime.
 * Adapter-specific checks (pids, adoption, Kubernetes objects) live beside it in the adapter's own test file.
 */
export function describeRuntimeContract(name: string, makeHarness: () => RuntimeContractHarness): void {
  describe(`${name}: runtime contract`, () => {
    const harness = makeHarness();
    const itIf = (capability: NonNullable<RuntimeContractHarness['unsupported']>[number]) => (harness.unsupported?.includes(capability) ? it.skip : it);
    const opened: WorkloadRuntime[] = [];
    const open = async () => {
      const runtime = await harness.createRuntime();
      opened.push(runtime);
      return runtime;
    };
    const wait = (runtime: WorkloadRuntime, id: string, what: string, predicate: (status: WorkloadStatus) => boolean) =>
      waitForWorkload(runtime, id, what, predicate, { timeoutMs: harness.timeoutMs, intervalMs: harness.pollIntervalMs });

    afterEach(async () => {
      for (const runtime of opened.splice(0)) {
        for (const status of await runtime.list()) await runtime.remove(status.id);
        await runtime.close();
      }
    });

    it('deploys a workload that becomes ready, labelled, owned and findable by label, kind and owner', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-basic', owner: 'pip_a', labels: { pipeline: 'pip_a', camera: 'cam_1', revision: '3' } });
      const deployed = await runtime.deploy(spec);
      expect(deployed).toMatchObject({ id: spec.id, kind: 'algorithm-server', owners: ['pip_a'], restarts: 0 });

      const ready = await wait(runtime, spec.id, 'ready', (status) => status.phase === 'ready' && status.ready);
      expect(ready.endpoint?.port).toBeGreaterThan(0);
      expect(ready.labels).toMatchObject({ pipeline: 'pip_a', camera: 'cam_1', revision: '3' });
      expect((await runtime.list({ labels: { pipeline: 'pip_a', camera: 'cam_1' } })).map((status) => status.id)).toEqual([spec.id]);
      expect((await runtime.list({ owner: 'pip_a', kind: 'algorithm-server' })).map((status) => status.id)).toEqual([spec.id]);
      expect(await runtime.list({ labels: { pipeline: 'pip_other' } })).toEqual([]);
      expect(await runtime.list({ kind: 'analyzer' })).toEqual([]);
    });

    it('watch: reports what exists, a new workload until it is ready, a new owner, and the removal; nothing after stop', async () => {
      const runtime = await open();
      const existing = harness.fakeServerSpec({ id: 'contract-watch-old', owner: 'pip_a' });
      await runtime.deploy(existing);
      await wait(runtime, existing.id, 'ready', (status) => status.ready);
      const heard: WorkloadChange[] = [];
      const watch = runtime.watch((change) => heard.push(change));
      const heardOf = (id: string) => heard.filter((change) => change.id === id);
      const until = async (what: string, done: () => boolean) => {
        const deadline = Date.now() + harness.timeoutMs;
        while (!done()) {
          if (Date.now() > deadline) throw new Error(`watch: timed out waiting for ${what}; heard ${JSON.stringify(heard.map((change) => [change.id, change.status?.phase ?? 'gone']))}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      try {
        await until('the existing workload', () => heardOf(existing.id).some((change) => change.status?.ready === true));
        const spec = harness.fakeServerSpec({ id: 'contract-watch-new', owner: 'pip_a' });
        await runtime.deploy(spec);
        await until('the new workload ready', () => heardOf(spec.id).some((change) => change.status?.ready === true));
        // Level-triggered: an unchanged workload is not reported again.
        expect(heardOf(existing.id)).toHaveLength(1);
        await runtime.deploy({ ...spec, owner: 'pip_b' });
        await until('the second owner', () => heardOf(spec.id).some((change) => change.status?.owners.includes('pip_b') === true));
        await runtime.remove(spec.id);
        await until('the removal', () => heardOf(spec.id).at(-1)?.status === undefined);
      } finally {
        await watch.stop();
      }
      const count = heard.length;
      await runtime.remove(existing.id);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(heard).toHaveLength(count);
    });

    it('is idempotent: the same spec twice is one workload; a changed spec replaces it under the same id, keeping its owners', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-idempotent', owner: 'pip_a' });
      const first = await runtime.deploy(spec);
      await wait(runtime, spec.id, 'ready', (status) => status.ready);
      const again = await runtime.deploy(spec);
      expect(again.specHash).toBe(first.specHash);
      expect(again).toMatchObject({ ready: true, restarts: 0 });
      expect(await runtime.list()).toHaveLength(1);

      const changed = await runtime.deploy({ ...harness.fakeServerSpec({ id: spec.id, owner: 'pip_b', env: { MODEL: 'v2' } }) });
      expect(changed.specHash).not.toBe(first.specHash);
      const replaced = await wait(runtime, spec.id, 'ready after replacement', (status) => status.ready);
      expect(replaced).toMatchObject({ specHash: changed.specHash, owners: ['pip_a', 'pip_b'], restarts: 0 });
      expect(await runtime.list()).toHaveLength(1);
    });

    itIf('kill')('brings a killed workload back, healthy, counting one restart', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-kill', owner: 'pip_a' });
      await runtime.deploy(spec);
      const ready = await wait(runtime, spec.id, 'ready', (status) => status.ready);
      await harness.killWorkload(ready);
      const back = await wait(runtime, spec.id, 'ready again after a restart', (status) => status.restarts === 1 && status.ready);
      expect(back.lastExit?.reason).toBe('exited');
      expect(Date.parse(back.since)).toBeGreaterThanOrEqual(Date.parse(back.lastExit!.at));
    });

    itIf('crash-loop')('puts a workload that crashes on start into crash-loop, with delays that double', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-crash-loop', owner: 'pip_a', behaviour: { crashOnStart: true } });
      await runtime.deploy(spec);
      // One observation per exit: the delay the runtime chose is nextRestartAt − lastExit.at.
      const delaysByExit = new Map<string, number>();
      const last = await wait(runtime, spec.id, 'a third wait in crash-loop', (status) => {
        if (status.phase === 'crash-loop' && status.lastExit && status.nextRestartAt) {
          delaysByExit.set(status.lastExit.at, Date.parse(status.nextRestartAt) - Date.parse(status.lastExit.at));
        }
        return delaysByExit.size >= 3;
      });
      expect(last).toMatchObject({ phase: 'crash-loop', ready: false, lastExit: { code: 1, reason: 'exited' } });
      expect(last.restarts).toBeGreaterThanOrEqual(2);
      const delays = [...delaysByExit.values()].slice(0, 3);
      expect(delays[0]).toBeGreaterThanOrEqual(harness.initialRestartDelayMs * 0.9);
      for (let index = 1; index < delays.length; index += 1) expect(delays[index]! / delays[index - 1]!).toBeCloseTo(2, 0);
    });

    itIf('hang')('restarts a process that stops answering its liveness probe', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-hang', owner: 'pip_a', behaviour: { hangAfterSeconds: 0.6 } });
      await runtime.deploy(spec);
      await wait(runtime, spec.id, 'ready', (status) => status.ready);
      const restarted = await wait(runtime, spec.id, 'restarted after failing liveness', (status) => status.restarts >= 1);
      expect(restarted.lastExit?.reason).toBe('liveness-probe-failed');
    });

    itIf('slow-ready')('reports running but not ready until the readiness probe passes', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-slow-ready', owner: 'pip_a', behaviour: { readyAfterSeconds: 1.5 } });
      await runtime.deploy(spec);
      await wait(runtime, spec.id, 'running, not ready', (status) => status.phase === 'running' && !status.ready);
      const ready = await wait(runtime, spec.id, 'ready', (status) => status.phase === 'ready' && status.ready);
      expect(ready.restarts).toBe(0);
    });

    itIf('logs')('returns the recent output of a workload, oldest line first', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-logs', owner: 'pip_a' });
      await runtime.deploy(spec);
      const ready = await wait(runtime, spec.id, 'ready', (status) => status.ready);
      const lines = await runtime.logs(spec.id, { tail: 50 });
      const starting = lines.findIndex((line) => line.includes('starting'));
      const listening = lines.findIndex((line) => line.includes(`listening on ${ready.endpoint!.port}`));
      expect(starting).toBeGreaterThanOrEqual(0);
      expect(listening).toBeGreaterThan(starting);
      expect(await runtime.logs(spec.id, { tail: 1 })).toHaveLength(1);
      await expect(runtime.logs('contract-nothing-here')).rejects.toBeInstanceOf(WorkloadNotFoundError);
    });

    it('shares one workload between owners and removes it only when the last owner lets go', async () => {
      const runtime = await open();
      const forA = harness.fakeServerSpec({ id: 'contract-shared', owner: 'pip_a' });
      // Two pipelines starting at the same moment must still end up with one server.
      await Promise.all([runtime.deploy(forA), runtime.deploy({ ...forA, owner: 'pip_b' })]);
      await wait(runtime, forA.id, 'ready', (status) => status.ready);
      expect(await runtime.list()).toMatchObject([{ id: forA.id, owners: ['pip_a', 'pip_b'] }]);

      expect(await runtime.remove(forA.id, { owner: 'pip_a' })).toEqual({ outcome: 'still-owned', remainingOwners: ['pip_b'] });
      expect(await runtime.status(forA.id)).toMatchObject({ ready: true, restarts: 0, owners: ['pip_b'] });
      expect(await runtime.remove(forA.id, { owner: 'pip_b' })).toEqual({ outcome: 'removed', remainingOwners: [] });
      expect(await runtime.status(forA.id)).toBeUndefined();
      expect(await runtime.remove(forA.id, { owner: 'pip_b' })).toEqual({ outcome: 'not-found', remainingOwners: [] });
    });

    it('removes a workload whoever owns it when no owner is named', async () => {
      const runtime = await open();
      const spec = harness.fakeServerSpec({ id: 'contract-force-remove', owner: 'pip_a' });
      await runtime.deploy(spec);
      await runtime.deploy({ ...spec, owner: 'pip_b' });
      expect(await runtime.remove(spec.id)).toEqual({ outcome: 'removed', remainingOwners: [] });
      expect(await runtime.list()).toEqual([]);
    });

    it('rejects an invalid spec with a named error', async () => {
      const runtime = await open();
      const valid = harness.fakeServerSpec({ id: 'contract-invalid', owner: 'pip_a' });
      await expect(runtime.deploy({ ...valid, id: 'Not_A_DNS_Label' })).rejects.toBeInstanceOf(WorkloadSpecError);
      await expect(runtime.deploy({ ...valid, labels: { pipeline: 'has spaces' } })).rejects.toThrow(/labels\.pipeline/);
      await expect(runtime.deploy({ ...valid, resources: { memory: 'lots' } })).rejects.toThrow(/resources\.memory/);
    });
  });
}
