import { updateUserBodySchema } from '@/lib/contracts/users';
import { route } from '@/server/http/route';
import { deleteUser } from '@/server/users/delete-user';
import { getUser } from '@/server/users/get-user';
import { updateUser } from '@/server/users/update-user';

export const GET = route({ access: 'admin' }, async ({ app, params }) => ({ json: await getUser(app.db, params.id!) }));

export const PATCH = route({ access: 'admin', body: updateUserBodySchema }, async ({ app, principal, params, body, clientIp }) => ({
  json: await updateUser(app, principal!, params.id!, body, clientIp),
}));

export const DELETE = route({ access: 'admin' }, async ({ app, principal, params, clientIp }) => {
  await deleteUser(app, principal!, params.id!, clientIp);
  return new Response(null, { status: 204 });
});
