import { expect, test } from '@playwright/test';
import { expectVideoAdvances } from './fixtures/console-checks';
import { deployRestreamPipeline, postAsUser, saveScreenshot } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

test('a deployed pipeline\'s annotated restream plays in the browser (HTTP-FLV via mpegts.js): the video advances', async ({ page }) => {
  test.setTimeout(150_000);
  await logInAsAdmin(page);
  const pipeline = { id: (await deployRestreamPipeline(page, { camera: `Live camera ${Date.now()}`, pipeline: `Live view ${Date.now()}` })).pipelineId };

  await page.goto(`/pipelines/${pipeline.id}/live`);
  const video = page.getByRole('figure').locator('video');
  // The stream appears once the analyzer has encoded its first frames; reload until the media server lists it.
  await expect(async () => {
    await page.reload();
    await expect(video).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expectVideoAdvances(video);
  // No playback error in the player (Next.js keeps an empty route-announcer alert elsewhere on every page).
  await expect(page.getByRole('figure').getByRole('alert')).toHaveCount(0);
  await saveScreenshot(page, 'live-view-playing');

  await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/stop`, {});
});
