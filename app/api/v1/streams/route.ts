import { route } from '@/server/http/route';
import { listStreams } from '@/server/streams/list-streams';

// Playback URLs use the host the browser asked for: behind the custom server, request.url carries the bind address.
export const GET = route({ access: 'viewer' }, async ({ app, url, request }) => {
  const host = request.headers.get('host');
  return { json: await listStreams(app, host ? new URL(`${url.protocol}//${host}${url.pathname}`) : url) };
});
