import { changeOwnPasswordBodySchema } from '@/lib/contracts/users';
import { route } from '@/server/http/route';
import { changeOwnPassword } from '@/server/users/change-own-password';

export const PUT = route({ access: 'viewer', body: changeOwnPasswordBodySchema }, async ({ app, principal, body, clientIp }) => {
  await changeOwnPassword(app, principal!, body, clientIp);
  return { json: { ok: true } };
});
