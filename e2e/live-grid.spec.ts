import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectNoSeriousViolations, expectVideoAdvances } from './fixtures/console-checks';
import { deployRestreamPipeline, postAsUser, saveScreenshot } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

test('live grid: a deployed pipeline\'s tile plays, 1/4/16 tiles per page, Enter opens the larger view with alarms; en + zh-CN, axe', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await logInAsAdmin(page);
  const stamp = Date.now();
  const cameraName = `Grid camera ${stamp}`;
  const pipelineName = `Grid pipeline ${stamp}`;
  const deployed = await deployRestreamPipeline(page, { camera: cameraName, pipeline: pipelineName });
  const pipeline = { id: deployed.pipelineId };
  const camera = { id: deployed.cameraId };

  try {
    await page.goto('/live');
    await expect(page.getByRole('heading', { level: 1, name: 'Live view' })).toBeVisible();
    // Other specs may leave pipelines running: 16 per page keeps this one on the first page.
    const sizes = page.getByRole('group', { name: 'Tiles per page' });
    await sizes.getByRole('button', { name: '16 tiles' }).click();
    const tile = page.getByRole('button', { name: `Open ${cameraName} on ${pipelineName} in a larger view` });
    await expect(tile).toBeVisible();
    await expect(tile).toContainText(`${cameraName} · ${pipelineName}`);
    await expectVideoAdvances(tile.locator('video'));
    await expect(tile).toContainText('Live');
    await saveScreenshot(page, 'live-grid-playing');
    await expectNoSeriousViolations(page);

    // 1 and 4 tiles per page: the grid shows at most that many, the choice is pressed.
    const tiles = page.locator('.live-tiles > li');
    await sizes.getByRole('button', { name: '1 tile', exact: true }).click();
    await expect(sizes.getByRole('button', { name: '1 tile', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(tiles).toHaveCount(1);
    await sizes.getByRole('button', { name: '4 tiles' }).click();
    await expect(sizes.getByRole('button', { name: '4 tiles' })).toHaveAttribute('aria-pressed', 'true');
    expect(await tiles.count()).toBeLessThanOrEqual(4);
    await saveScreenshot(page, 'live-grid-4-tiles');

    // Keyboard: Enter on the tile opens the larger view, with the camera's alarms; the grid's players stop meanwhile.
    await sizes.getByRole('button', { name: '16 tiles' }).click();
    await tile.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: `${cameraName} on ${pipelineName}` });
    await expect(detail).toBeVisible();
    await expectVideoAdvances(detail.locator('video'));
    await expect(tile.locator('video')).toHaveCount(0);
    await expect(detail.getByRole('heading', { name: 'Alarms of this camera' })).toBeVisible();
    await expect(detail.getByText('No alarms for this camera.').or(detail.locator('.live-alarm-list'))).toBeVisible();
    await expect(detail.getByRole('link', { name: 'All alarms of this camera' })).toHaveAttribute('href', `/alarms?cameraId=${camera.id}`);
    await saveScreenshot(page, 'live-grid-detail');
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();

    // 中文, then back to English (all specs share the platform's database).
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '实时视频' })).toBeVisible();
    await expect(page).toHaveTitle(/实时视频/);
    await expect(page.getByRole('group', { name: '每页画面数' })).toBeVisible();
    await expect(page.getByRole('button', { name: `在大画面中打开 ${pipelineName} 上的 ${cameraName}` })).toBeVisible();
    await saveScreenshot(page, 'live-grid-zh-CN');
    await expectNoSeriousViolations(page);
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Live view' })).toBeVisible();
  } finally {
    await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/stop`, {});
  }
  expect(errors).toEqual([]);
});
