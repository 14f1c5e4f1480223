import type { ChildProcess } from 'node:child_process';
import type { Clock } from '../clock';
import { LivenessTracker } from './liveness-tracker';
import type { ProbePolicy } from './local-runtime-options';
import { identifyProcess, isProcessRunning, signalProcessGroup, type ProcessIdentity } from './process-identity';

/**
 * One run of a workload's process: a child this runtime spawned, or a process adopted from an earlier runtime
 * instance (no child handle, so no 'exit' event: its end is read from /proc). The generation tells a supervisor
 * whether a late callback still concerns the current run.
 */
export class ProcessRun {
  readonly liveness: LivenessTracker;
  private identity: ProcessIdentity | undefined;

  private constructor(
    readonly generation: number,
    readonly pid: number,
    readonly startedAt: number,
    readonly child: ChildProcess | undefined,
    identity: ProcessIdentity | undefined,
    probe: ProbePolicy,
  ) {
    this.identity = identity;
    this.liveness = new LivenessTracker(startedAt, probe);
  }

  static ofChild(generation: number, child: ChildProcess & { pid: number }, startedAt: number, probe: ProbePolicy): ProcessRun {
    return new ProcessRun(generation, child.pid, startedAt, child, identifyProcess(child.pid), probe);
  }

  static adopted(generation: number, identity: ProcessIdentity, startedAt: number, probe: ProbePolicy): ProcessRun {
    return new ProcessRun(generation, identity.pid, startedAt, undefined, identity, probe);
  }

  get isAdopted(): boolean {
    return this.child === undefined;
  }

  /** Pid and start time for the state file; read late if the process was too young at spawn. */
  get processIdentity(): ProcessIdentity | undefined {
    this.identity ??= this.child && this.child.exitCode === null && this.child.signalCode === null ? identifyProcess(this.pid) : undefined;
    return this.identity;
  }

  /** Whether this run's process still runs: a child until it is reaped, an adopted process by pid and start time. */
  isRunning(): boolean {
    if (this.child) return this.child.exitCode === null && this.child.signalCode === null;
    return this.identity !== undefined && isProcessRunning(this.identity);
  }

  /** Signals the run's process group, but never a pid that has since gone to another process. */
  signal(signal: NodeJS.Signals): void {
    if (this.isRunning()) signalProcessGroup(this.pid, signal);
  }

  /** SIGTERM to the group, SIGKILL after the grace period; resolves once the process has ended. */
  async terminate(graceMs: number, clock: Clock): Promise<void> {
    this.signal('SIGTERM');
    if (await this.waitUntilEnded(graceMs, clock)) return;
    this.signal('SIGKILL');
    await this.waitUntilEnded(5_000, clock);
  }

  private async waitUntilEnded(timeoutMs: number, clock: Clock): Promise<boolean> {
    const deadline = clock.now() + timeoutMs;
    while (this.isRunning()) {
      if (clock.now() >= deadline) return false;
      await new Promise<void>((resolve) => clock.setTimer(resolve, 25));
    }
    return true;
  }

  /** Leaves the process running and lets the platform exit without waiting for it. */
  release(): void {
    if (!this.child) return;
    this.child.removeAllListeners();
    this.child.on('error', () => undefined);
    this.child.unref();
  }
}
