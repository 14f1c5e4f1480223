import { createUserBodySchema } from '@/lib/contracts/users';
import { route } from '@/server/http/route';
import { createUser } from '@/server/users/create-user';
import { listUsers } from '@/server/users/list-users';

export const GET = route({ access: 'admin' }, async ({ app }) => ({ json: { items: await listUsers(app.db) } }));

export const POST = route({ access: 'admin', body: createUserBodySchema }, async ({ app, principal, body, clientIp }) => ({
  status: 201,
  json: await createUser(app, principal!, body, clientIp),
}));
