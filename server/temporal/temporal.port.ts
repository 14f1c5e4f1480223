/** What the web app needs from the workflow engine; the adapter (temporal-engine.ts) hides the SDK's shapes. */
export interface WorkflowEnginePort {
  /** Resolves when the engine answers; rejects with a reason when it does not (within a short timeout). */
  checkHealth(): Promise<void>;
  /** Runs the health-check workflow end to end (engine → worker → database); rejects when it does not finish in time. */
  runHealthCheckWorkflow(options: { requestedBy: string; timeoutMs?: number }): Promise<HealthCheckReport>;
  close(): Promise<void>;
}

export interface HealthCheckReport {
  requestedBy: string;
  database: { ok: boolean; latencyMs: number; error?: string };
  worker: { hostname: string; pid: number; nodeVersion: string; taskQueue: string };
  checkedAt: string;
}
