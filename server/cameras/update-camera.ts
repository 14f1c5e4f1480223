import { AppError, notFound } from '../../lib/errors';
import type { Camera, UpdateCameraBody } from '../../lib/contracts/cameras';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { openCredentials, sealCredentials, toCamera } from './camera-mapper';
import { resolveCredentials } from './resolve-credentials';

export async function updateCamera(app: AppContext, id: string, body: UpdateCameraBody, actor: Principal): Promise<Camera> {
  const current = await app.db.selectFrom('cameras').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('Camera', id);
  let streamUrl = current.stream_url;
  let credentials = openCredentials(app.secrets, current.credentials_encrypted) ?? {};
  if (body.clearCredentials) credentials = {};
  if (body.streamUrl !== undefined || body.username !== undefined || body.password !== undefined) {
    const resolved = resolveCredentials(body.streamUrl ?? current.stream_url, { username: body.username, password: body.password });
    streamUrl = resolved.split.url;
    // A new URL without credentials keeps the stored ones: operators change paths without retyping passwords.
    if (resolved.credentials.username || resolved.credentials.password) credentials = { ...credentials, ...resolved.credentials };
  }
  const changes = {
    name: body.name ?? current.name,
    description: body.description ?? current.description,
    stream_url: streamUrl,
    credentials_encrypted: sealCredentials(app.secrets, credentials),
    location: body.location ?? current.location,
    tags: body.tags ? JSON.stringify(body.tags) : current.tags,
    enabled: body.enabled === undefined ? current.enabled : body.enabled ? 1 : 0,
    updated_at: app.now().toISOString(),
  };
  try {
    await app.db.updateTable('cameras').set(changes).where('id', '=', id).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A camera named "${changes.name}" already exists`);
    throw error;
  }
  const changed = Object.keys(body).filter((key) => key !== 'password' && key !== 'username');
  await recordAudit(app.db, { actor, action: 'camera.update', resourceType: 'camera', resourceId: id, details: { changed, credentialsChanged: body.password !== undefined || body.username !== undefined || Boolean(body.clearCredentials) }, at: app.now() });
  return toCamera({ ...current, ...changes }, app.secrets);
}
