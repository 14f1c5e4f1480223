import type { Logger } from '../../server/logger';
import { failureStreakAfterExit, restartDelayMs } from '../restart-backoff';
import type { WorkloadExit, WorkloadExitReason, WorkloadPhase, WorkloadSpec, WorkloadStatus } from '../workload-runtime.port';
import { probeHttp } from './http-probe';
import { NoFreePortError } from './local-runtime-errors';
import type { ResolvedLocalRuntimeOptions } from './local-runtime-options';
import type { PortAllocator } from './port-allocator';
import { signalProcessGroup, type ProcessIdentity } from './process-identity';
import { NamedTimers } from './named-timers';
import { ProcessRun } from './process-run';
import type { WorkloadRecord } from './runtime-state-file';
import { buildLaunchArguments, spawnWorkloadProcess } from './spawn-workload-process';
import { trimLogFile } from './workload-log-file';

export interface SupervisorContext {
  options: ResolvedLocalRuntimeOptions;
  ports: PortAllocator;
  logger: Logger;
  /** Something worth persisting changed (process, port, owners, restart counters). */
  onRecordChanged(): void;
}

type ExitObservation = Omit<WorkloadExit, 'at' | 'reason'> & { reason?: WorkloadExitReason };

/**
 * Keeps one workload's process running: starts it, probes it, and restarts it after a crash or a hang with
 * CrashLoopBackOff delays. Every asynchronous callback carries the generation of the run it was made for and
 * is dropped when that run is over, so a late probe or exit never acts on the process that replaced it.
 */
export class WorkloadSupervisor {
  private spec: WorkloadSpec;
  private readonly owners: Set<string>;
  private port: number | undefined;
  private run: ProcessRun | undefined;
  private generation = 0;
  private mode: 'supervising' | 'stopping' | 'detached' = 'supervising';
  private phase: WorkloadPhase = 'starting';
  private since: number;
  private ready = false;
  private message: string | undefined;
  private restarts: number;
  private failureStreak: number;
  private lastExit: WorkloadExit | undefined;
  private nextRestartAt: number | undefined;
  private pendingExitReason: WorkloadExitReason | undefined;
  private readonly timers: NamedTimers<'probe' | 'restart' | 'exit-poll' | 'kill'>;

  constructor(
    private readonly context: SupervisorContext,
    private readonly record: Pick<WorkloadRecord, 'spec' | 'specHash' | 'owners' | 'port' | 'restarts' | 'failureStreak' | 'lastExit' | 'logFile'>,
  ) {
    this.spec = record.spec;
    this.owners = new Set(record.owners);
    this.port = record.port;
    this.restarts = record.restarts;
    this.failureStreak = record.failureStreak;
    this.lastExit = record.lastExit;
    this.since = context.options.clock.now();
    this.timers = new NamedTimers(context.options.clock);
  }

  get id(): string {
    return this.spec.id;
  }

  get specHash(): string {
    return this.record.specHash;
  }

  get ownerList(): string[] {
    return [...this.owners].sort();
  }

  get assignedPort(): number | undefined {
    return this.port;
  }

  addOwner(owner: string): void {
    this.owners.add(owner);
  }

  /** Returns the owners left. */
  dropOwner(owner: string): string[] {
    this.owners.delete(owner);
    return this.ownerList;
  }

  /** Labels are bookkeeping, not part of what runs: they change without a restart. */
  relabel(labels: WorkloadSpec['labels']): void {
    this.spec = { ...this.spec, labels };
  }

  /** First start of a new workload; a NoFreePortError reaches the caller of deploy. */
  async start(preferredPort?: number): Promise<void> {
    if (this.spec.port !== undefined) this.port = await this.context.ports.allocate(preferredPort);
    this.launch();
  }

  /** A process the previous runtime instance started, verified by pid and start time: supervise it as is. */
  adopt(identity: ProcessIdentity, startedAt: number): void {
    if (this.port !== undefined) this.context.ports.hold(this.port);
    this.run = ProcessRun.adopted(++this.generation, identity, startedAt, this.context.options.probe);
    this.enterPhase('starting', 'adopted from the previous runtime instance');
    this.scheduleProbe(0);
    this.scheduleExitPoll(this.run);
  }

  /** Deploying a failed workload again is the way to retry it (after its binary or port problem was fixed). */
  async retryIfFailed(): Promise<void> {
    if (this.phase !== 'failed' || this.mode !== 'supervising') return;
    this.restarts += 1;
    await this.relaunch();
  }

  /** The previous instance's process is gone (or was waiting for a restart): start it again now. */
  async restartAfterPlatformRestart(lastProcessPid: number | undefined): Promise<void> {
    if (lastProcessPid !== undefined) {
      this.lastExit = { code: null, signal: null, reason: 'missing-after-platform-restart', at: new Date(this.context.options.clock.now()).toISOString() };
    }
    this.restarts += 1;
    await this.relaunch();
  }

  status(): WorkloadStatus {
    const { host } = this.context.options;
    return {
      id: this.spec.id,
      kind: this.spec.kind,
      labels: this.spec.labels,
      owners: this.ownerList,
      specHash: this.record.specHash,
      phase: this.phase,
      ready: this.ready,
      restarts: this.restarts,
      ...(this.lastExit && { lastExit: this.lastExit }),
      ...(this.nextRestartAt !== undefined && { nextRestartAt: new Date(this.nextRestartAt).toISOString() }),
      ...(this.port !== undefined && { endpoint: { host, port: this.port } }),
      ...(this.run && { pid: this.run.pid }),
      since: new Date(this.since).toISOString(),
      ...(this.message !== undefined && { message: this.message }),
    };
  }

  toRecord(): WorkloadRecord {
    const identity = this.run?.processIdentity;
    return {
      spec: this.spec,
      specHash: this.record.specHash,
      owners: this.ownerList,
      ...(this.port !== undefined && { port: this.port }),
      ...(this.run && identity && { process: { pid: identity.pid, startTime: identity.startTime, startedAt: this.run.startedAt } }),
      restarts: this.restarts,
      failureStreak: this.failureStreak,
      ...(this.lastExit && { lastExit: this.lastExit }),
      logFile: this.record.logFile,
    };
  }

  /** Stops supervising and ends the process group: SIGTERM, then SIGKILL after the grace period. Frees the port. */
  async stop(): Promise<void> {
    this.mode = 'stopping';
    this.timers.cancelAll();
    this.ready = false;
    this.nextRestartAt = undefined;
    this.enterPhase('stopped', 'removing');
    const run = this.run;
    if (run) {
      await run.terminate(this.context.options.terminationGraceMs, this.context.options.clock);
      // Clears the run and kills leftover helpers; a child's 'exit' event may already have done so.
      this.handleExit(run.generation, { code: null, signal: null });
    }
    if (this.port !== undefined) this.context.ports.release(this.port);
  }

  /** Stops watching and leaves the process running for the next runtime instance to adopt. */
  detach(): void {
    this.mode = 'detached';
    this.timers.cancelAll();
    this.run?.release();
  }

  private async relaunch(): Promise<void> {
    if (this.spec.port !== undefined) {
      // Keep the address when the port is still free; otherwise (a stranger took it) move to another one.
      if (this.port !== undefined) this.context.ports.release(this.port);
      try {
        this.port = await this.context.ports.allocate(this.port);
      } catch (error) {
        if (!(error instanceof NoFreePortError)) throw error;
        this.port = undefined;
        this.fail(error.message);
        return;
      }
    }
    if (this.mode !== 'supervising') {
      if (this.port !== undefined) this.context.ports.release(this.port);
      return;
    }
    this.launch();
  }

  private launch(): void {
    const { clock, baseEnvironment, probe } = this.context.options;
    const port = this.port;
    const generation = ++this.generation;
    const child = spawnWorkloadProcess({
      ...buildLaunchArguments(this.spec, port, baseEnvironment),
      workingDirectory: this.spec.workingDirectory,
      logFile: this.record.logFile,
      banner: `[vigil] ${new Date(clock.now()).toISOString()} starting ${this.spec.id} (restart ${this.restarts})`,
    });
    child.once('error', (error) => {
      if (child.pid === undefined && generation === this.generation) this.fail(`could not start: ${error.message}`);
    });
    child.once('exit', (code, signal) => this.handleExit(generation, { code, signal }));
    if (child.pid === undefined) return; // the 'error' event follows
    this.run = ProcessRun.ofChild(generation, child as typeof child & { pid: number }, clock.now(), probe);
    this.ready = false;
    this.message = undefined;
    this.enterPhase('starting');
    this.context.logger.info({ workload: this.spec.id, pid: child.pid, port, restarts: this.restarts }, 'workload process started');
    this.scheduleProbe(this.context.options.probe.intervalMs);
    this.context.onRecordChanged();
  }

  private handleExit(generation: number, exit: ExitObservation): void {
    const run = this.run;
    if (!run || run.generation !== generation) return;
    this.run = undefined;
    this.timers.cancel('probe', 'exit-poll', 'kill');
    // Helpers the process started may outlive it and hold its port; the group goes with its leader.
    signalProcessGroup(run.pid, 'SIGKILL');
    this.ready = false;
    if (this.mode !== 'supervising') return;

    const now = this.context.options.clock.now();
    const reason = this.pendingExitReason ?? exit.reason ?? 'exited';
    this.pendingExitReason = undefined;
    this.lastExit = { code: exit.code, signal: exit.signal, reason, at: new Date(now).toISOString() };
    const healthyFor = run.liveness.firstHealthyAt === undefined ? undefined : now - run.liveness.firstHealthyAt;
    this.failureStreak = failureStreakAfterExit(this.failureStreak, healthyFor, this.context.options.backoff);
    const delay = restartDelayMs(this.failureStreak, this.context.options.backoff);
    this.nextRestartAt = now + delay;
    this.enterPhase('crash-loop', `${describeExit(this.lastExit)}; restarting in ${delay} ms`);
    this.context.logger.warn({ workload: this.spec.id, pid: run.pid, exit: this.lastExit, delayMs: delay }, 'workload process ended; restart scheduled');
    this.timers.set('restart', delay, () => {
      this.restarts += 1;
      this.nextRestartAt = undefined;
      this.relaunch().catch((error: unknown) => this.fail(`restart failed: ${String(error)}`));
    });
    this.context.onRecordChanged();
  }

  private async probe(run: ProcessRun): Promise<void> {
    const { host, probe, clock, logs } = this.context.options;
    const health = this.spec.health ?? {};
    const check = (path: string | undefined) =>
      path === undefined || this.port === undefined ? Promise.resolve(true) : probeHttp({ host, port: this.port, path }, probe.timeoutMs);
    const [alive, ready] = await Promise.all([check(health.liveness), check(health.readiness)]);
    if (this.run !== run || this.mode !== 'supervising') return;

    const verdict = run.liveness.observe(alive, clock.now());
    if (verdict === 'hung') {
      this.restartHungProcess(run);
      return;
    }
    const seenAlive = run.liveness.firstHealthyAt !== undefined;
    this.ready = verdict === 'alive' && ready;
    this.message = verdict === 'failing' ? `liveness probe failed ${run.liveness.consecutiveFailures} time(s) in a row` : undefined;
    this.enterPhase(this.ready ? 'ready' : seenAlive ? 'running' : 'starting', this.message);
    await trimLogFile(this.record.logFile, logs.maxFileBytes).catch((error: unknown) =>
      this.context.logger.warn({ workload: this.spec.id, err: error }, 'could not trim the workload log file'),
    );
    if (this.run === run && this.mode === 'supervising') this.scheduleProbe(probe.intervalMs);
  }

  /** A process that stopped answering liveness is alive but useless: end it; its exit then takes the crash path. */
  private restartHungProcess(run: ProcessRun): void {
    const failures = run.liveness.consecutiveFailures;
    this.pendingExitReason = 'liveness-probe-failed';
    this.ready = false;
    this.enterPhase(this.phase, `liveness probe failed ${failures} times in a row; restarting`);
    this.context.logger.warn({ workload: this.spec.id, pid: run.pid, failures }, 'workload failed its liveness probe; terminating it');
    run.signal('SIGTERM');
    this.timers.set('kill', this.context.options.terminationGraceMs, () => {
      if (this.run === run) run.signal('SIGKILL');
    });
    this.scheduleExitPoll(run);
  }

  /** An adopted process is not our child, so no 'exit' event comes: look for it in /proc instead. */
  private scheduleExitPoll(run: ProcessRun): void {
    if (!run.isAdopted) return;
    this.timers.set('exit-poll', this.context.options.exitPollMs, () => {
      if (this.run !== run) return;
      if (run.isRunning()) this.scheduleExitPoll(run);
      else this.handleExit(run.generation, { code: null, signal: null, reason: 'vanished' });
    });
  }

  private fail(message: string): void {
    this.run = undefined;
    this.ready = false;
    this.nextRestartAt = undefined;
    if (this.port !== undefined) this.context.ports.release(this.port);
    this.port = undefined;
    this.enterPhase('failed', message);
    this.context.logger.error({ workload: this.spec.id, reason: message }, 'workload cannot run');
    this.context.onRecordChanged();
  }

  private enterPhase(phase: WorkloadPhase, message?: string): void {
    if (phase !== this.phase) this.since = this.context.options.clock.now();
    this.phase = phase;
    this.message = message;
  }

  private scheduleProbe(delayMs: number): void {
    const run = this.run;
    if (!run) return;
    this.timers.set('probe', delayMs, () => {
      this.probe(run).catch((error: unknown) => this.context.logger.error({ workload: this.spec.id, err: error }, 'probe failed unexpectedly'));
    });
  }
}

function describeExit(exit: WorkloadExit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : exit.code !== null ? `exited with code ${exit.code}` : 'ended';
  return exit.reason === 'exited' ? how : `${how} (${exit.reason})`;
}
