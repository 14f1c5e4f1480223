import { probeCameraBodySchema } from '@/lib/contracts/cameras';
import { probeCamera } from '@/server/cameras/probe-camera';
import { route } from '@/server/http/route';

// Operator: probing makes the server open any URL it is given, as adding a camera does.
export const POST = route({ access: 'operator', body: probeCameraBodySchema }, async ({ app, body }) => ({ json: await probeCamera(app, body) }));

export const dynamic = 'force-dynamic';
