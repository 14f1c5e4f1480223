import { notFound } from '../../lib/errors';
import { joinStreamUrl } from '../../lib/cameras/stream-url';
import type { AppContext } from '../app-context';
import { openCredentials } from './camera-mapper';

/** The URL with credentials, for the process that opens the stream only: never log or return it. */
export async function resolveStreamUrl(app: Pick<AppContext, 'db' | 'secrets'>, cameraId: string): Promise<string> {
  const row = await app.db.selectFrom('cameras').select(['stream_url', 'credentials_encrypted']).where('id', '=', cameraId).executeTakeFirst();
  if (!row) throw notFound('Camera', cameraId);
  return joinStreamUrl(row.stream_url, openCredentials(app.secrets, row.credentials_encrypted));
}
