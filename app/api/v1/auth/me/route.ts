import { updateOwnProfileBodySchema } from '@/lib/contracts/users';
import { getUser } from '@/server/users/get-user';
import { updateOwnProfile } from '@/server/users/update-own-profile';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, principal }) => ({
  json: { user: await getUser(app.db, principal!.userId), csrfToken: principal?.csrfToken ?? null, via: principal?.kind },
}));

export const PATCH = route({ access: 'viewer', body: updateOwnProfileBodySchema }, async ({ app, principal, body, clientIp }) => ({
  json: { user: await updateOwnProfile(app, principal!, body, clientIp) },
}));
