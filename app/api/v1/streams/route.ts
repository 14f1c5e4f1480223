import { route } from '@/server/http/route';
import { listStreams } from '@/server/streams/list-streams';

export const GET = route({ access: 'viewer' }, async ({ app, url }) => ({ json: await listStreams(app, url) }));
