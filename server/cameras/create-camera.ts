import { AppError } from '../../lib/errors';
import type { Camera, CreateCameraBody } from '../../lib/contracts/cameras';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { newId } from '../new-id';
import { sealCredentials, toCamera } from './camera-mapper';
import { resolveCredentials } from './resolve-credentials';

export async function createCamera(app: AppContext, body: CreateCameraBody, actor: Principal): Promise<Camera> {
  const { split, credentials } = resolveCredentials(body.streamUrl, { username: body.username, password: body.password });
  const at = app.now().toISOString();
  const row = {
    id: newId('camera'),
    name: body.name,
    description: body.description,
    stream_url: split.url,
    credentials_encrypted: sealCredentials(app.secrets, credentials),
    location: body.location,
    tags: JSON.stringify(body.tags),
    enabled: body.enabled ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  try {
    await app.db.insertInto('cameras').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A camera named "${body.name}" already exists`);
    throw error;
  }
  await recordAudit(app.db, { actor, action: 'camera.create', resourceType: 'camera', resourceId: row.id, details: { name: row.name, streamUrl: row.stream_url }, at: app.now() });
  app.logger.info({ cameraId: row.id, streamUrl: split.url }, 'camera created');
  return toCamera(row, app.secrets);
}
