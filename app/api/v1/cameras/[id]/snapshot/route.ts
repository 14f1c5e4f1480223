import { takeSnapshot } from '@/server/cameras/take-snapshot';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => {
  const jpeg = await takeSnapshot(app, params.id!);
  return new Response(new Uint8Array(jpeg), { status: 200, headers: { 'content-type': 'image/jpeg', 'cache-control': 'no-store' } });
});

export const dynamic = 'force-dynamic';
