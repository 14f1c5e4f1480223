import { getAlarmSnapshot } from '@/server/alarms/get-alarm-snapshot';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => {
  const jpeg = await getAlarmSnapshot(app, params.id!);
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400' } });
});
