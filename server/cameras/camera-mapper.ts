import type { Selectable } from 'kysely';
import type { CamerasTable } from '../../db/schema';
import type { Camera } from '../../lib/contracts/cameras';
import type { SecretBox } from '../secrets/secret-box';

export interface CameraCredentials {
  username?: string;
  password?: string;
}

export function sealCredentials(secrets: SecretBox, credentials: CameraCredentials): string | null {
  if (!credentials.username && !credentials.password) return null;
  return secrets.encrypt(JSON.stringify(credentials));
}

export function openCredentials(secrets: SecretBox, sealed: string | null): CameraCredentials | undefined {
  return sealed ? (JSON.parse(secrets.decrypt(sealed)) as CameraCredentials) : undefined;
}

export function toCamera(row: Selectable<CamerasTable>, secrets: SecretBox): Camera {
  const credentials = openCredentials(secrets, row.credentials_encrypted);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    streamUrl: row.stream_url,
    username: credentials?.username ?? null,
    hasPassword: Boolean(credentials?.password),
    location: row.location,
    tags: JSON.parse(row.tags) as string[],
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
