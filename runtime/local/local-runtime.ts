import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RuntimeClosedError, WorkloadNotFoundError, WorkloadSpecError } from '../workload-errors';
import type { RemoveOptions, RemoveResult, WorkloadChange, WorkloadRuntime, WorkloadSelector, WorkloadSpec, WorkloadStatus, WorkloadWatch } from '../workload-runtime.port';
import { watchByPolling } from '../watch-by-polling';
import { WatchRegistry } from '../watch-registry';
import { assertValidWorkloadSpec, hashWorkloadSpec } from '../workload-spec';
import { resolveLocalRuntimeOptions, type LocalRuntimeOptions, type ResolvedLocalRuntimeOptions } from './local-runtime-options';
import { PortAllocator } from './port-allocator';
import { isProcessRunning } from './process-identity';
import { readRuntimeState, writeRuntimeState, type WorkloadRecord } from './runtime-state-file';
import { CoalescingWriter, KeyedSerialQueue } from './serial-queue';
import { acquireStateFileLock, type StateFileLock } from './state-file-lock';
import { readLastLines } from './workload-log-file';
import { WorkloadSupervisor, type SupervisorContext } from './workload-supervisor';

/**
 * Opens the local runtime over its state file: takes the file's lock, adopts the processes the previous instance
 * left running (same pid and start time) and restarts the ones that are gone. See docs/decisions/0002-local-runtime.md.
 */
export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const resolved = resolveLocalRuntimeOptions(options);
  const lock = await acquireStateFileLock(resolved.stateFile);
  try {
    const state = await readRuntimeState(resolved.stateFile);
    const runtime = new LocalRuntime(resolved, lock);
    await runtime.resume(state.workloads);
    return runtime;
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Workloads as detached OS processes on this machine, supervised like Kubernetes pods with restartPolicy Always. */
export class LocalRuntime implements WorkloadRuntime {
  private readonly supervisors = new Map<string, WorkloadSupervisor>();
  private readonly queue = new KeyedSerialQueue();
  private readonly ports: PortAllocator;
  private readonly stateWriter: CoalescingWriter;
  private readonly context: SupervisorContext;
  /** 'closing' refuses new calls while accepted ones finish; 'closed' also stops state writes (the next instance owns the file). */
  private lifecycle: 'open' | 'closing' | 'closed' = 'open';
  private readonly watches = new WatchRegistry();

  constructor(
    private readonly options: ResolvedLocalRuntimeOptions,
    private readonly lock: StateFileLock,
  ) {
    this.ports = new PortAllocator(options.portRange);
    this.stateWriter = new CoalescingWriter(() =>
      writeRuntimeState(options.stateFile, { version: 1, workloads: [...this.supervisors.values()].map((supervisor) => supervisor.toRecord()) }),
    );
    this.context = { options, ports: this.ports, logger: options.logger, onRecordChanged: () => this.persistInBackground() };
  }

  /** Called once by createLocalRuntime with what the previous instance persisted. */
  async resume(records: WorkloadRecord[]): Promise<void> {
    const missing: Array<{ supervisor: WorkloadSupervisor; record: WorkloadRecord }> = [];
    // Adopt first, so that the ports of live processes are held before missing ones look for a port.
    for (const record of records) {
      const supervisor = new WorkloadSupervisor(this.context, record);
      this.supervisors.set(record.spec.id, supervisor);
      const previous = record.process;
      if (previous && isProcessRunning(previous)) {
        supervisor.adopt({ pid: previous.pid, startTime: previous.startTime }, previous.startedAt);
        this.options.logger.info({ workload: record.spec.id, pid: previous.pid }, 'adopted running workload');
      } else {
        missing.push({ supervisor, record });
      }
    }
    for (const { supervisor, record } of missing) {
      this.options.logger.warn({ workload: record.spec.id, pid: record.process?.pid }, 'workload not running after platform restart; starting it');
      await supervisor.restartAfterPlatformRestart(record.process?.pid);
    }
    await this.stateWriter.flush();
  }

  async deploy(spec: WorkloadSpec): Promise<WorkloadStatus> {
    this.assertOpen();
    assertValidWorkloadSpec(spec);
    if (!spec.command) throw new WorkloadSpecError(spec.id, 'the local runtime needs a command (argv)');
    return this.queue.run(spec.id, async () => {
      const specHash = hashWorkloadSpec(spec);
      const existing = this.supervisors.get(spec.id);
      if (existing?.specHash === specHash) {
        existing.addOwner(spec.owner);
        existing.relabel(spec.labels);
        await existing.retryIfFailed();
        await this.stateWriter.flush();
        return existing.status();
      }
      // A changed spec replaces the process under the same id; the claims of every owner carry over.
      const owners = new Set([...(existing?.ownerList ?? []), spec.owner]);
      const preferredPort = existing?.assignedPort;
      if (existing) {
        this.options.logger.info({ workload: spec.id, from: existing.specHash, to: specHash }, 'spec changed; replacing workload');
        await existing.stop();
        this.supervisors.delete(spec.id);
      }
      const supervisor = new WorkloadSupervisor(this.context, { spec, specHash, owners: [...owners], restarts: 0, failureStreak: 0, logFile: this.logFileOf(spec.id) });
      await supervisor.start(preferredPort);
      this.supervisors.set(spec.id, supervisor);
      await this.stateWriter.flush();
      return supervisor.status();
    });
  }

  async status(id: string): Promise<WorkloadStatus | undefined> {
    this.assertOpen();
    return this.supervisors.get(id)?.status();
  }

  async list(selector: WorkloadSelector = {}): Promise<WorkloadStatus[]> {
    this.assertOpen();
    return [...this.supervisors.values()]
      .map((supervisor) => supervisor.status())
      .filter((status) => matchesSelector(status, selector))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async logs(id: string, options: { tail?: number } = {}): Promise<string[]> {
    this.assertOpen();
    if (!this.supervisors.has(id)) throw new WorkloadNotFoundError(id);
    const { defaultTailLines, maxFileBytes } = this.options.logs;
    return readLastLines(this.logFileOf(id), options.tail ?? defaultTailLines, maxFileBytes);
  }

  async remove(id: string, options: RemoveOptions = {}): Promise<RemoveResult> {
    this.assertOpen();
    return this.queue.run(id, async () => {
      const supervisor = this.supervisors.get(id);
      if (!supervisor) return { outcome: 'not-found', remainingOwners: [] };
      if (options.owner !== undefined) {
        const remainingOwners = supervisor.dropOwner(options.owner);
        if (remainingOwners.length > 0) {
          await this.stateWriter.flush();
          return { outcome: 'still-owned', remainingOwners };
        }
      }
      await supervisor.stop();
      this.supervisors.delete(id);
      await this.stateWriter.flush();
      await Promise.all([rm(this.logFileOf(id), { force: true }), rm(`${this.logFileOf(id)}.1`, { force: true })]);
      this.options.logger.info({ workload: id }, 'workload removed');
      return { outcome: 'removed', remainingOwners: [] };
    });
  }

  /** Statuses live in this process: a quick poll of them is the watch (every 250 ms; probes set the pace anyway). */
  watch(onChange: (change: WorkloadChange) => void): WorkloadWatch {
    this.assertOpen();
    return this.watches.track(watchByPolling(() => this.list(), onChange, { intervalMs: 250, onError: (error) => this.options.logger.warn({ err: error }, 'workload watch could not list') }));
  }

  async close(): Promise<void> {
    if (this.lifecycle !== 'open') return;
    await this.watches.stopAll();
    this.lifecycle = 'closing';
    await this.queue.idle();
    for (const supervisor of this.supervisors.values()) supervisor.detach();
    await this.stateWriter.flush();
    this.lifecycle = 'closed';
    await this.lock.release();
  }

  private logFileOf(id: string): string {
    return join(this.options.logDirectory, `${id}.log`);
  }

  private persistInBackground(): void {
    if (this.lifecycle === 'closed') return;
    this.stateWriter.flush().catch((error: unknown) => this.options.logger.error({ err: error }, 'could not write the local runtime state file'));
  }

  private assertOpen(): void {
    if (this.lifecycle !== 'open') throw new RuntimeClosedError();
  }
}

function matchesSelector(status: WorkloadStatus, selector: WorkloadSelector): boolean {
  if (selector.kind !== undefined && status.kind !== selector.kind) return false;
  if (selector.owner !== undefined && !status.owners.includes(selector.owner)) return false;
  return Object.entries(selector.labels ?? {}).every(([key, value]) => status.labels[key] === value);
}
