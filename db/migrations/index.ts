import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './0001-initial';
import * as callbacksRetention from './0002-callbacks-retention';
import * as federatedTraining from './0003-federated-training';
import * as activeModelVersions from './0004-active-model-versions';

// Migrations are listed in code (not read from a folder) so that bundlers (Next.js) keep them.
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-callbacks-retention': callbacksRetention,
  '0003-federated-training': federatedTraining,
  '0004-active-model-versions': activeModelVersions,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
