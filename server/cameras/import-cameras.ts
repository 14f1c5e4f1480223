import { AppError } from '../../lib/errors';
import type { Camera, ImportCameraRow } from '../../lib/contracts/cameras';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { newId } from '../new-id';
import { sealCredentials, toCamera } from './camera-mapper';
import { checkImportRows } from './import-rows';
import { resolveCredentials } from './resolve-credentials';

/**
 * Bulk import, all or nothing: every row is checked first; one bad row imports none and the 400 lists each row's
 * problems (details: [{row, path, message}]), so the operator fixes the file and imports it again without duplicates.
 */
export async function importCameras(app: AppContext, rows: ImportCameraRow[], actor: Principal): Promise<{ imported: number; items: Camera[] }> {
  const taken = new Set((await app.db.selectFrom('cameras').select('name').execute()).map((row) => row.name));
  const { cameras, errors } = checkImportRows(rows, taken);
  if (errors.length > 0) {
    const badRows = new Set(errors.map((error) => error.row)).size;
    throw new AppError('validation_failed', `${badRows} of ${rows.length} rows are invalid; nothing was imported`, errors);
  }
  const at = app.now().toISOString();
  const inserted = cameras.map((camera) => {
    const { split, credentials } = resolveCredentials(camera.streamUrl, { username: camera.username, password: camera.password });
    return {
      id: newId('camera'),
      name: camera.name,
      description: camera.description,
      stream_url: split.url,
      credentials_encrypted: sealCredentials(app.secrets, credentials),
      location: camera.location,
      tags: JSON.stringify(camera.tags),
      enabled: camera.enabled ? 1 : 0,
      created_at: at,
      updated_at: at,
    };
  });
  try {
    await app.db.transaction().execute(async (trx) => {
      for (const row of inserted) await trx.insertInto('cameras').values(row).execute();
    });
  } catch (error) {
    // Another operator added one of these names meanwhile: still nothing imported.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'A camera with one of these names was added meanwhile; nothing was imported');
    throw error;
  }
  await recordAudit(app.db, { actor, action: 'camera.import', resourceType: 'camera', details: { count: inserted.length, cameras: inserted.map(({ id, name }) => ({ id, name })) }, at: app.now() });
  app.logger.info({ count: inserted.length, cameraIds: inserted.map((row) => row.id) }, 'cameras imported');
  return { imported: inserted.length, items: inserted.map((row) => toCamera(row, app.secrets)) };
}
