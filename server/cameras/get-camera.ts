import { notFound } from '../../lib/errors';
import type { Camera } from '../../lib/contracts/cameras';
import type { AppContext } from '../app-context';
import { toCamera } from './camera-mapper';

export async function getCamera(app: AppContext, id: string): Promise<Camera> {
  const row = await app.db.selectFrom('cameras').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Camera', id);
  return toCamera(row, app.secrets);
}

export async function listCameras(app: AppContext): Promise<Camera[]> {
  const rows = await app.db.selectFrom('cameras').selectAll().orderBy('name').execute();
  return rows.map((row) => toCamera(row, app.secrets));
}
