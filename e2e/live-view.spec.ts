import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeMovingBoxVideo, postAsUser, saveScreenshot } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

test('a deployed pipeline\'s annotated restream plays in the browser (HTTP-FLV via mpegts.js): the video advances', async ({ page }) => {
  test.setTimeout(150_000);
  await logInAsAdmin(page);
  const camera = await postAsUser<{ id: string }>(page, '/api/v1/cameras', { name: `Live camera ${Date.now()}`, streamUrl: `file://${makeMovingBoxVideo()}` });
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'algorithms/motion/vigil-algorithm.json'), 'utf8')) as Record<string, unknown>;
  const existing = (await (await page.request.get('/api/v1/algorithms?name=motion')).json()) as { items: { id: string }[] };
  const algorithmId = existing.items[0]?.id ?? (await postAsUser<{ id: string }>(page, '/api/v1/algorithms', manifest)).id;
  const node = (id: string, type: string, data: Record<string, unknown>, x: number) => ({ id, type, position: { x, y: 0 }, data });
  const pipeline = await postAsUser<{ id: string }>(page, '/api/v1/pipelines', {
    name: `Live view ${Date.now()}`,
    graph: {
      nodes: [node('camera-1', 'camera', { cameraId: camera.id }, 0), node('motion-1', 'algorithm', { algorithmId }, 250), node('live-1', 'restream', {}, 500)],
      edges: [{ id: 'e1', source: 'camera-1', target: 'motion-1' }, { id: 'e2', source: 'motion-1', target: 'live-1' }],
    },
  });
  await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/deploy`, {});
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/pipelines/${pipeline.id}/status`)).json()) as { status: { state: string } | null }).status?.state, { timeout: 90_000 })
    .toBe('running');

  await page.goto(`/pipelines/${pipeline.id}/live`);
  const video = page.getByRole('figure').locator('video');
  // The stream appears once the analyzer has encoded its first frames; reload until the media server lists it.
  await expect(async () => {
    await page.reload();
    await expect(video).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 45_000 }).toBeGreaterThan(1);
  const first = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await page.waitForTimeout(1500);
  expect(await video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(first);
  // No playback error in the player (Next.js keeps an empty route-announcer alert elsewhere on every page).
  await expect(page.getByRole('figure').getByRole('alert')).toHaveCount(0);
  await saveScreenshot(page, 'live-view-playing');

  await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/stop`, {});
});
