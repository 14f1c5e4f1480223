import { join } from 'node:path';
import type { VigilConfig } from '../lib/config/config-schema';
import { migrateToLatest, openDatabase, type Db } from '../db/connect';
import { loadConfig } from './config';
import { createLogger, type Logger } from './logger';
import { createSecretBox, loadSecretKey, type SecretBox } from './secrets/secret-box';
import { createLoginLimiter, type LoginLimiter } from './auth/login-limiter';
import type { WorkflowEnginePort } from './temporal/temporal.port';
import { createTemporalEngine } from './temporal/temporal-engine';

/** Everything a request handler or service needs; built once per process (the web app's composition root). */
export interface AppContext {
  config: VigilConfig;
  db: Db;
  logger: Logger;
  secrets: SecretBox;
  workflows: WorkflowEnginePort;
  loginLimiter: LoginLimiter;
  now: () => Date;
}

export async function createAppContext(config: VigilConfig, overrides: Partial<AppContext> = {}): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, name: 'vigil-web' });
  const db = overrides.db ?? (await openDatabase(config.database));
  await migrateToLatest(db);
  return {
    config,
    db,
    logger,
    secrets: overrides.secrets ?? createSecretBox(loadSecretKey(config.secretKey, join(config.dataDir, 'secret.key'))),
    workflows: overrides.workflows ?? createTemporalEngine(config.temporal, logger),
    loginLimiter: overrides.loginLimiter ?? createLoginLimiter(config.login),
    now: overrides.now ?? (() => new Date()),
  };
}

// Kept on globalThis so that Next.js module reloads (dev) and several route bundles share one context.
const holder = globalThis as typeof globalThis & { vigilAppContext?: Promise<AppContext> };

export function getAppContext(): Promise<AppContext> {
  holder.vigilAppContext ??= createAppContext(loadConfig());
  return holder.vigilAppContext;
}

/** Tests install their own context (a test database, a captured logger). */
export function setAppContext(context: AppContext | undefined): void {
  holder.vigilAppContext = context ? Promise.resolve(context) : undefined;
}
