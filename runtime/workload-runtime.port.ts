/**
 * Where workloads (algorithm servers, analyzers) run: the contract that the local process runtime and the
 * Kubernetes runtime both keep. Only Vigil's own shapes cross it; vendor objects stop inside the adapters.
 * Semantics that both adapters must honour are written here and checked by test/support/runtime-contract.ts.
 */

export type WorkloadKind = 'algorithm-server' | 'analyzer';

/** Well-known label keys; the Kubernetes adapter prefixes them (`vigil.io/<key>`). Values follow Kubernetes label rules. */
export const workloadLabelKeys = {
  pipeline: 'pipeline',
  camera: 'camera',
  algorithm: 'algorithm',
  algorithmVersion: 'algorithm-version',
  revision: 'revision',
} as const;

export interface WorkloadResources {
  cpu?: string;
  memory?: string;
  'nvidia.com/gpu'?: number;
}

/** HTTP paths probed on the workload's port; a missing path means "alive/ready as soon as it runs" (as in Kubernetes). */
export interface WorkloadHealth {
  liveness?: string;
  readiness?: string;
}

export interface WorkloadSpec {
  /** Deterministic, DNS-1035 label (see workload-id.ts): the same desired workload always gets the same id. */
  id: string;
  kind: WorkloadKind;
  /**
   * The claim this deploy makes (e.g. a pipeline id). A workload lives while at least one owner claims it:
   * deploy adds the owner, remove(id, {owner}) drops it, and the last drop removes the workload.
   */
  owner: string;
  labels: Readonly<Record<string, string>>;
  /** argv for the local runtime; `{port}` in an argument or env value becomes the assigned port. */
  command?: readonly string[];
  /** Local runtime: directory the command runs in (an algorithm package's folder). */
  workingDirectory?: string;
  env: Readonly<Record<string, string>>;
  /**
   * Environment the workload must get without it being shown anywhere (a service token): locally it joins `env`
   * (no `{port}` substitution); on Kubernetes it goes in a Secret the container reads by secretKeyRef. Its values
   * count in the spec hash but are never logged, put in labels or annotations, or returned by status or list.
   * Names must not repeat names of `env`.
   */
  secretEnv?: Readonly<Record<string, string>>;
  /** Container image for the Kubernetes runtime. */
  image?: string;
  /** The workload serves HTTP on a port: the container port on Kubernetes; locally a free port is assigned instead. */
  port?: number;
  health?: WorkloadHealth;
  resources: WorkloadResources;
}

/**
 * starting: launched, not yet alive · running: alive, not ready · ready: serving · crash-loop: down, waiting
 * for a restart after a backoff · failed: cannot run without a change to the spec or host · stopped: being removed.
 */
export type WorkloadPhase = 'starting' | 'running' | 'ready' | 'crash-loop' | 'failed' | 'stopped';

export type WorkloadExitReason =
  | 'exited'
  | 'liveness-probe-failed'
  | 'out-of-memory'
  /** An adopted process disappeared; its exit status belonged to a platform instance that is gone. */
  | 'vanished'
  /** The platform restarted and found the process gone. */
  | 'missing-after-platform-restart';

export interface WorkloadExit {
  code: number | null;
  signal: string | null;
  reason: WorkloadExitReason;
  /** ISO-8601 time the runtime noticed the exit. */
  at: string;
}

export interface WorkloadEndpoint {
  host: string;
  port: number;
}

/** Times are ISO-8601 strings so that a status survives JSON (Temporal payloads, the API) unchanged. */
export interface WorkloadStatus {
  id: string;
  kind: WorkloadKind;
  labels: Readonly<Record<string, string>>;
  /** Every current claim, sorted. */
  owners: string[];
  /** Hash of what is running (the spec without owner and labels); a changed spec gives a new hash. */
  specHash: string;
  phase: WorkloadPhase;
  ready: boolean;
  restarts: number;
  lastExit?: WorkloadExit;
  nextRestartAt?: string;
  endpoint?: WorkloadEndpoint;
  /** Local runtime only: the process (group leader) now running. */
  pid?: number;
  /** When the current phase began. */
  since: string;
  message?: string;
}

export interface WorkloadSelector {
  kind?: WorkloadKind;
  /** Every listed label must match exactly. */
  labels?: Readonly<Record<string, string>>;
  owner?: string;
}

export interface RemoveOptions {
  /** Drop only this claim; without it the workload is removed whoever claims it (a reconciler's repair). */
  owner?: string;
}

export interface RemoveResult {
  outcome: 'removed' | 'still-owned' | 'not-found';
  remainingOwners: string[];
}

/** What a watcher hears: the workload's status now, or undefined once it is gone. */
export interface WorkloadChange {
  id: string;
  status: WorkloadStatus | undefined;
}

export interface WorkloadWatch {
  /** Stops watching; no change is reported after it resolves. */
  stop(): Promise<void>;
}

export interface WorkloadRuntime {
  /**
   * Idempotent: the same spec again only adds its owner; a changed spec (new specHash) replaces the running
   * workload in place, keeping the id and every owner. Resolves once the workload is launched, not ready.
   */
  deploy(spec: WorkloadSpec): Promise<WorkloadStatus>;
  /** Undefined when no workload has this id. */
  status(id: string): Promise<WorkloadStatus | undefined>;
  list(selector?: WorkloadSelector): Promise<WorkloadStatus[]>;
  /** The last `tail` lines of the workload's output (stdout and stderr interleaved), oldest first. */
  logs(id: string, options?: { tail?: number }): Promise<string[]>;
  remove(id: string, options?: RemoveOptions): Promise<RemoveResult>;
  /**
   * Reports changes of phase, readiness, restarts, spec or owners of every workload this runtime manages, and their
   * removal: first the current state of each, then each change as the runtime notices it (level-triggered: a missed
   * intermediate state may be skipped, the latest never is). Status reads stay the source of truth.
   */
  watch(onChange: (change: WorkloadChange) => void): WorkloadWatch;
  /** Stops watching without touching workloads, so that the next instance finds them running. */
  close(): Promise<void>;
}
