import type { Role } from '../../lib/auth/roles';

/** Who is calling: a logged-in user (session cookie) or a machine (API token). */
export interface Principal {
  kind: 'user' | 'token';
  userId: string;
  username: string;
  role: Role;
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
}
