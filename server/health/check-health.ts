import { pingDatabase } from '../../db/connect';
import type { AppContext } from '../app-context';

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: ComponentHealth & { dialect: string };
  temporal: ComponentHealth & { address: string };
  checkedAt: string;
}

async function probe(check: () => Promise<void>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkHealth(app: AppContext): Promise<HealthReport> {
  const [database, temporal] = await Promise.all([probe(() => pingDatabase(app.db)), probe(() => app.workflows.checkHealth())]);
  return {
    status: database.ok && temporal.ok ? 'ok' : 'degraded',
    database: { ...database, dialect: app.config.database.dialect },
    temporal: { ...temporal, address: app.config.temporal.address },
    checkedAt: app.now().toISOString(),
  };
}
