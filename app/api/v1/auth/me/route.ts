import { getUser } from '@/server/users/get-user';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, principal }) => ({
  json: { user: await getUser(app.db, principal!.userId), csrfToken: principal?.csrfToken ?? null, via: principal?.kind },
}));
