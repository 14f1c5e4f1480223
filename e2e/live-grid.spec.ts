import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeMovingBoxVideo, postAsUser, saveScreenshot } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectVideoAdvances(video: Locator): Promise<void> {
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 45_000 }).toBeGreaterThan(1);
  const first = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 }).toBeGreaterThan(first);
}

test('live grid: a deployed pipeline\'s tile plays, 1/4/16 tiles per page, Enter opens the larger view with alarms; en + zh-CN, axe', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectConsoleErrors(page);
  await logInAsAdmin(page);
  const stamp = Date.now();
  const cameraName = `Grid camera ${stamp}`;
  const pipelineName = `Grid pipeline ${stamp}`;
  const camera = await postAsUser<{ id: string }>(page, '/api/v1/cameras', { name: cameraName, streamUrl: `file://${makeMovingBoxVideo()}` });
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'algorithms/motion/vigil-algorithm.json'), 'utf8')) as Record<string, unknown>;
  const existing = (await (await page.request.get('/api/v1/algorithms?name=motion')).json()) as { items: { id: string }[] };
  const algorithmId = existing.items[0]?.id ?? (await postAsUser<{ id: string }>(page, '/api/v1/algorithms', manifest)).id;
  const node = (id: string, type: string, data: Record<string, unknown>, x: number) => ({ id, type, position: { x, y: 0 }, data });
  const pipeline = await postAsUser<{ id: string }>(page, '/api/v1/pipelines', {
    name: pipelineName,
    graph: {
      nodes: [node('camera-1', 'camera', { cameraId: camera.id }, 0), node('motion-1', 'algorithm', { algorithmId }, 250), node('live-1', 'restream', {}, 500)],
      edges: [{ id: 'e1', source: 'camera-1', target: 'motion-1' }, { id: 'e2', source: 'motion-1', target: 'live-1' }],
    },
  });
  await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/deploy`, {});
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/pipelines/${pipeline.id}/status`)).json()) as { status: { state: string } | null }).status?.state, { timeout: 90_000 })
    .toBe('running');

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
