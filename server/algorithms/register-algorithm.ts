import type { Selectable } from 'kysely';
import { AppError, notFound } from '../../lib/errors';
import type { AlgorithmManifest } from '../../lib/algorithms/manifest-schema';
import type { Algorithm } from '../../lib/contracts/algorithms';
import type { AlgorithmsTable } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { newId } from '../new-id';
import { findPipelinesReferencing } from '../pipelines/find-pipelines-referencing';

export function toAlgorithm(row: Selectable<AlgorithmsTable>): Algorithm {
  return { id: row.id, name: row.name, version: row.version, manifest: JSON.parse(row.manifest) as AlgorithmManifest, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Registers one version of an algorithm from its validated manifest; versions are immutable (a new one is a new row). */
export async function registerAlgorithm(app: AppContext, manifest: AlgorithmManifest, actor: Principal): Promise<Algorithm> {
  const at = app.now().toISOString();
  const row = { id: newId('algorithm'), name: manifest.name, version: manifest.version, manifest: JSON.stringify(manifest), created_at: at, updated_at: at };
  try {
    await app.db.insertInto('algorithms').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `Algorithm ${manifest.name} ${manifest.version} is already registered; bump the version`);
    throw error;
  }
  await recordAudit(app.db, { actor, action: 'algorithm.register', resourceType: 'algorithm', resourceId: row.id, details: { name: row.name, version: row.version }, at: app.now() });
  return toAlgorithm(row);
}

export async function listAlgorithms(app: AppContext, filter: { name?: string }): Promise<Algorithm[]> {
  let query = app.db.selectFrom('algorithms').selectAll().orderBy('name').orderBy('created_at', 'desc');
  if (filter.name) query = query.where('name', '=', filter.name);
  return (await query.execute()).map(toAlgorithm);
}

export async function getAlgorithm(app: AppContext, id: string): Promise<Algorithm> {
  const row = await app.db.selectFrom('algorithms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Algorithm', id);
  return toAlgorithm(row);
}

export async function deleteAlgorithm(app: AppContext, id: string, actor: Principal): Promise<void> {
  const users = await findPipelinesReferencing(app.db, { algorithmId: id });
  if (users.length > 0) throw new AppError('conflict', `Algorithm ${id} is used by pipeline(s) ${users.map((p) => p.name).join(', ')}`, { pipelines: users });
  const result = await app.db.deleteFrom('algorithms').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Algorithm', id);
  await recordAudit(app.db, { actor, action: 'algorithm.delete', resourceType: 'algorithm', resourceId: id, at: app.now() });
}
