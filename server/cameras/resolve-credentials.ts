import { AppError } from '../../lib/errors';
import { splitStreamUrl, type SplitStreamUrl } from '../../lib/cameras/stream-url';
import type { CameraCredentials } from './camera-mapper';

/** Credentials come either inside the URL or as username/password fields, never both (which would be ambiguous). */
export function resolveCredentials(streamUrl: string, fields: CameraCredentials): { split: SplitStreamUrl; credentials: CameraCredentials } {
  const result = splitStreamUrl(streamUrl);
  if (!result.ok) throw new AppError('validation_failed', `Invalid streamUrl: ${result.message}`, [{ path: 'streamUrl', message: result.message }]);
  const split = result.value;
  const inUrl = Boolean(split.username || split.password);
  const inFields = Boolean(fields.username || fields.password);
  if (inUrl && inFields) {
    throw new AppError('validation_failed', 'Invalid streamUrl: give credentials in the URL or in username/password, not both', [
      { path: 'streamUrl', message: 'credentials given twice' },
    ]);
  }
  const credentials = inUrl ? { username: split.username, password: split.password } : fields;
  return { split, credentials: { ...(credentials.username ? { username: credentials.username } : {}), ...(credentials.password ? { password: credentials.password } : {}) } };
}
