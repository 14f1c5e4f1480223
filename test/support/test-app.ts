import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createAppContext, setAppContext, type AppContext } from '../../server/app-context';
import { toVigilConfig, configSchema } from '../../lib/config/config-schema';
import { createLogger } from '../../server/logger';
import { createSecretBox } from '../../server/secrets/secret-box';
import { hashPassword } from '../../server/auth/password-hash';
import { newId } from '../../server/new-id';
import type { WorkflowEnginePort } from '../../server/temporal/temporal.port';
import type { Role } from '../../lib/auth/roles';
import { AppError } from '../../lib/errors';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-databases';

/**
 * A workflow engine that is named as a stand-in: the API tests of this layer do not exercise Temporal
 * (test/temporal-*.test.ts runs the real dev server); it reports itself unreachable so nothing pretends.
 */
export const unreachableWorkflowEngine: WorkflowEnginePort = {
  checkHealth: async () => {
    throw new Error('no Temporal server in this test');
  },
  runHealthCheckWorkflow: async () => {
    throw new Error('no Temporal server in this test');
  },
  startAlarmDelivery: async () => {
    throw new Error('no Temporal server in this test');
  },
  startRetentionRun: async () => {
    throw new Error('no Temporal server in this test');
  },
  startTrainingJob: async () => {
    throw new Error('no Temporal server in this test');
  },
  syncRetentionSchedule: async () => {
    throw new Error('no Temporal server in this test');
  },
  deployPipeline: async () => {
    throw new AppError('dependency_unavailable', 'no Temporal server in this test');
  },
  stopPipeline: async () => {
    throw new AppError('dependency_unavailable', 'no Temporal server in this test');
  },
  redeployPipeline: async () => {
    throw new AppError('dependency_unavailable', 'no Temporal server in this test');
  },
  pipelineStatus: async () => {
    throw new AppError('dependency_unavailable', 'no Temporal server in this test');
  },
  listWorkflows: async () => {
    throw new AppError('dependency_unavailable', 'no Temporal server in this test');
  },
  workflowHistory: async () => {
    throw new AppError('dependency_unavailable', 'no Temporal server in this test');
  },
  close: async () => undefined,
};

export interface TestApp {
  app: AppContext;
  database: TestDatabase;
  /** Everything the app logged, as text: tests grep it for leaked secrets. */
  logs: () => string;
  createUser(role: Role, username?: string): Promise<{ id: string; username: string; password: string }>;
  close(): Promise<void>;
}

export async function startTestApp(dialect: Dialect, overrides: Partial<AppContext> = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const logChunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logChunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = { ...toVigilConfig(configSchema.parse({ VIGIL_DATA_DIR: database.dataDir, VIGIL_LOG_LEVEL: 'debug' })), database: database.target };
  const app = await createAppContext(config, {
    logger: createLogger({ level: 'debug', destination }),
    secrets: createSecretBox(randomBytes(32)),
    workflows: unreachableWorkflowEngine,
    ...overrides,
  });
  setAppContext(app);
  return {
    app,
    database,
    logs: () => logChunks.join(''),
    async createUser(role, username = `${role}-${randomBytes(3).toString('hex')}`) {
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const at = app.now().toISOString();
      const id = newId('user');
      await app.db.insertInto('users').values({ id, username, password_hash: await hashPassword(password), role, locale: 'en', disabled: 0, created_at: at, updated_at: at }).execute();
      return { id, username, password };
    },
    async close() {
      setAppContext(undefined);
      await app.db.destroy();
      await database.drop();
    },
  };
}
