import { updateCameraBodySchema } from '@/lib/contracts/cameras';
import { deleteCamera } from '@/server/cameras/delete-camera';
import { getCamera } from '@/server/cameras/get-camera';
import { updateCamera } from '@/server/cameras/update-camera';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getCamera(app, params.id!) }));

export const PATCH = route({ access: 'operator', body: updateCameraBodySchema }, async ({ app, params, body, principal }) => ({
  json: await updateCamera(app, params.id!, body, principal!),
}));

export const DELETE = route({ access: 'operator' }, async ({ app, params, principal }) => {
  await deleteCamera(app, params.id!, principal!);
  return new Response(null, { status: 204 });
});
