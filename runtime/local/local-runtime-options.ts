import type { Logger } from '../../server/logger';
import { systemClock, type Clock } from '../clock';
import { defaultRestartBackoff, type RestartBackoffPolicy } from '../restart-backoff';
import type { PortRange } from './port-allocator';

export interface ProbePolicy {
  intervalMs: number;
  timeoutMs: number;
  /** Liveness failures in a row that mark a process as hung and get it restarted. */
  livenessFailureThreshold: number;
  /** Failures before the first success do not count until this long after start (a slow start is not a hang). */
  startupGraceMs: number;
}

/** Settings come in from the composition root (server config); nothing here reads the environment. */
export interface LocalRuntimeOptions {
  /** JSON file listing what this runtime runs, read back by the next instance to adopt live processes. */
  stateFile: string;
  /** One `<workload id>.log` per workload (plus `.log.1`, the older half of its bounded output). */
  logDirectory: string;
  logger: Logger;
  portRange?: PortRange;
  /** Host the workloads are reached on; they are expected to listen on all interfaces or this one. */
  host?: string;
  /** Environment every workload starts with, under its spec's env (e.g. PATH); empty by default. */
  baseEnvironment?: Readonly<Record<string, string | undefined>>;
  probe?: Partial<ProbePolicy>;
  backoff?: Partial<RestartBackoffPolicy>;
  /** Between SIGTERM and SIGKILL when stopping a workload. */
  terminationGraceMs?: number;
  /** How often a process that is not this instance's child (adopted) is checked for having exited. */
  exitPollMs?: number;
  logs?: Partial<LogPolicy>;
  clock?: Clock;
}

export interface LogPolicy {
  defaultTailLines: number;
  /** Bound on one log file before it rolls over to `.1`; at most twice this is kept per workload. */
  maxFileBytes: number;
}

export interface ResolvedLocalRuntimeOptions {
  stateFile: string;
  logDirectory: string;
  logger: Logger;
  portRange: PortRange;
  host: string;
  baseEnvironment: Record<string, string>;
  probe: ProbePolicy;
  backoff: RestartBackoffPolicy;
  terminationGraceMs: number;
  exitPollMs: number;
  logs: LogPolicy;
  clock: Clock;
}

// The seed platform's algorithm port range; probe defaults close to Kubernetes' (period 10 s, timeout 1 s, 3 failures).
export const localRuntimeDefaults = {
  portRange: { min: 33_000, max: 65_535 },
  host: '127.0.0.1',
  probe: { intervalMs: 5_000, timeoutMs: 2_000, livenessFailureThreshold: 3, startupGraceMs: 60_000 },
  terminationGraceMs: 10_000,
  exitPollMs: 500,
  logs: { defaultTailLines: 200, maxFileBytes: 4 * 1024 * 1024 },
} as const;

export function resolveLocalRuntimeOptions(options: LocalRuntimeOptions): ResolvedLocalRuntimeOptions {
  const baseEnvironment: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.baseEnvironment ?? {})) if (value !== undefined) baseEnvironment[name] = value;
  return {
    stateFile: options.stateFile,
    logDirectory: options.logDirectory,
    logger: options.logger,
    portRange: options.portRange ?? localRuntimeDefaults.portRange,
    host: options.host ?? localRuntimeDefaults.host,
    baseEnvironment,
    probe: { ...localRuntimeDefaults.probe, ...options.probe },
    backoff: { ...defaultRestartBackoff, ...options.backoff },
    terminationGraceMs: options.terminationGraceMs ?? localRuntimeDefaults.terminationGraceMs,
    exitPollMs: options.exitPollMs ?? localRuntimeDefaults.exitPollMs,
    logs: { ...localRuntimeDefaults.logs, ...options.logs },
    clock: options.clock ?? systemClock,
  };
}
