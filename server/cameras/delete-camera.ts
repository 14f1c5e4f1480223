import { AppError, notFound } from '../../lib/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { findPipelinesReferencing } from '../pipelines/find-pipelines-referencing';

export async function deleteCamera(app: AppContext, id: string, actor: Principal): Promise<void> {
  const users = await findPipelinesReferencing(app.db, { cameraId: id });
  if (users.length > 0) {
    throw new AppError('conflict', `Camera ${id} is used by pipeline(s) ${users.map((p) => p.name).join(', ')}; remove it from them first`, { pipelines: users });
  }
  const result = await app.db.deleteFrom('cameras').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Camera', id);
  await recordAudit(app.db, { actor, action: 'camera.delete', resourceType: 'camera', resourceId: id, at: app.now() });
}
