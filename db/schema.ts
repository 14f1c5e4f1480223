import type { Generated } from 'kysely';

// Portable column types: text ids, ISO-8601 UTC timestamps as text (they sort correctly), JSON as text,
// booleans as 0/1 integers. The same migration set then runs unchanged on SQLite and PostgreSQL.

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: 'admin' | 'operator' | 'viewer';
  locale: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie value: a stolen database row cannot be replayed
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  role: 'admin' | 'operator' | 'viewer';
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CamerasTable {
  id: string;
  name: string;
  description: string;
  stream_url: string; // never holds credentials
  credentials_encrypted: string | null;
  location: string;
  tags: string; // JSON array
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface AlgorithmsTable {
  id: string;
  name: string;
  version: string;
  manifest: string; // JSON vigil-algorithm.json
  created_at: string;
  updated_at: string;
}

export interface PipelinesTable {
  id: string;
  name: string;
  description: string;
  latest_revision: number;
  deployed_revision: number | null;
  desired_state: 'stopped' | 'running';
  created_at: string;
  updated_at: string;
}

export interface PipelineRevisionsTable {
  pipeline_id: string;
  revision: number;
  graph: string; // JSON
  comment: string;
  created_at: string;
  created_by: string | null;
}

export interface AlarmsTable {
  id: string;
  pipeline_id: string;
  pipeline_revision: number;
  camera_id: string;
  algorithm_id: string;
  type: string;
  state: 'start' | 'update' | 'end';
  started_at: string;
  updated_at: string;
  ended_at: string | null;
  event: string; // JSON, DESIGN.md §4.3
  snapshot_path: string | null;
  label: 'true' | 'false' | null;
  labeled_by: string | null;
  labeled_at: string | null;
}

export interface CallbackDeliveriesTable {
  id: string;
  alarm_id: string;
  target_url: string;
  state: 'pending' | 'delivered' | 'failed' | 'dead';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  // 0002: null only on rows written before callback targets existed.
  target_id: string | null;
  timeout_seconds: Generated<number>;
  delivered_at: string | null;
}

export interface CallbackTargetsTable {
  id: string;
  name: string;
  url: string; // normalised (WHATWG href); unique
  secret_encrypted: string; // sealed with the secret box
  enabled: number;
  auto_created: number;
  secret_rotated_at: string;
  created_at: string;
  updated_at: string;
}

export interface CallbackDeliveryAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  at: string;
  outcome: 'delivered' | 'retry' | 'rejected' | 'refused' | 'error';
  status_code: number | null;
  latency_ms: number | null;
  error: string | null;
}

export interface CallbackArrivalsTable {
  id: string;
  received_at: string;
  verified: number;
  target_id: string | null;
  reason: string | null;
  event_id: string | null;
  headers: string; // JSON object
  body: string;
  body_bytes: number;
}

export interface RetentionRunsTable {
  id: string;
  workflow_id: string;
  trigger: 'schedule' | 'api' | 'clean-data';
  days: number | null;
  cutoff: string | null;
  state: 'queued' | 'running' | 'completed' | 'failed';
  started_at: string;
  finished_at: string | null;
  report: string | null; // JSON RetentionReport
  error: string | null;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  details: string; // JSON
  ip: string | null;
}

export interface SitesTable {
  id: string;
  registered_at: string;
  last_seen_at: string;
  samples: number;
  test_samples: number;
  algorithms: string; // JSON array
  public_key: string; // X25519 SPKI DER, base64 (secure aggregation)
  agent: string; // JSON {hostname, pid, version}
}

export interface TrainingJobsTable {
  id: string;
  name: string;
  workflow_id: string;
  algorithm: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  spec: string; // JSON TrainingJobSpec
  rounds_completed: number;
  stopped_early: number;
  final_metrics: string | null; // JSON
  model_version_id: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface TrainingRoundsTable {
  job_id: string;
  round: number;
  state: 'completed' | 'failed';
  attempts: number;
  started_at: string;
  finished_at: string;
  selected: string; // JSON arrays from here on
  training: string;
  evaluation: string;
  dropouts: string;
  metrics: string | null;
  model_uri: string | null;
  model_sha256: string | null;
  privacy: string | null;
  secure_aggregation: number;
}

export interface ModelVersionsTable {
  id: string;
  algorithm: string;
  version: number;
  job_id: string;
  round: number;
  model_uri: string;
  model_sha256: string;
  metrics: string | null; // JSON
  created_at: string;
}

/** The published (active) model version per algorithm; analyzers are deployed with it. */
export interface ActiveModelVersionsTable {
  algorithm: string;
  model_version_id: string;
  published_at: string;
  /** The user who published it (null once the user is deleted, or for the system). */
  published_by: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  cameras: CamerasTable;
  algorithms: AlgorithmsTable;
  pipelines: PipelinesTable;
  pipeline_revisions: PipelineRevisionsTable;
  alarms: AlarmsTable;
  callback_deliveries: CallbackDeliveriesTable;
  callback_targets: CallbackTargetsTable;
  callback_delivery_attempts: CallbackDeliveryAttemptsTable;
  callback_arrivals: CallbackArrivalsTable;
  retention_runs: RetentionRunsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  sites: SitesTable;
  training_jobs: TrainingJobsTable;
  training_rounds: TrainingRoundsTable;
  model_versions: ModelVersionsTable;
  active_model_versions: ActiveModelVersionsTable;
}

/** Columns generated by the database, kept for repositories that need them. */
export type AutoId = Generated<number>;
