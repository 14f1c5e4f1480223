import { importCamerasBodySchema } from '@/lib/contracts/cameras';
import { importCameras } from '@/server/cameras/import-cameras';
import { route } from '@/server/http/route';

export const POST = route({ access: 'operator', body: importCamerasBodySchema }, async ({ app, body, principal }) => ({
  status: 201,
  json: await importCameras(app, body.rows, principal!),
}));
