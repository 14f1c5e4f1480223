import { createCameraBodySchema } from '@/lib/contracts/cameras';
import { createCamera } from '@/server/cameras/create-camera';
import { listCameras } from '@/server/cameras/get-camera';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app }) => ({ json: { items: await listCameras(app) } }));

export const POST = route({ access: 'operator', body: createCameraBodySchema }, async ({ app, body, principal }) => ({
  status: 201,
  json: await createCamera(app, body, principal!),
}));
