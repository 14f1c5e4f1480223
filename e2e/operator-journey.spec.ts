import { expect, test, type Page } from '@playwright/test';
import type { Dashboard } from '../lib/contracts/dashboard';
import { expectVideoAdvances } from './fixtures/console-checks';
import { canvasEdges, canvasNode, dragConnection, dragFromPalette, makeMovingBoxVideo, motionAlgorithmId, postAsUser, saveScreenshot, selectCanvasNode } from './fixtures/pipeline-builder';
import { logInThroughForm } from './support';

/**
 * The operator's whole day in one browser session, every step through the console: log in → add a camera from a
 * test stream → its thumbnail → build a pipeline on the canvas and deploy it → the annotated stream plays → an
 * alarm arrives live → open it → mark it false → the dashboard counts the false alarm.
 */
async function readDashboard(page: Page): Promise<Dashboard> {
  const response = await page.request.get('/api/v1/dashboard');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Dashboard;
}

test('operator journey: camera → thumbnail → canvas pipeline → deploy → live video → live alarm → mark false → dashboard', async ({ page, context }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const cameraName = `Journey gate ${stamp}`;
  const alarmType = `journey-${stamp.toString(36)}`;

  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await logInThroughForm(page);
  await expect(page).toHaveURL(/\/dashboard$/);
  const before = await readDashboard(page);

  // The motion algorithm is registered once per platform (the registry page is covered by its own spec).
  await motionAlgorithmId(page);

  // A camera from a test stream, added in the Cameras page; its thumbnail is a decoded picture.
  await page.getByRole('navigation').getByRole('link', { name: 'Cameras', exact: true }).click();
  await page.getByRole('button', { name: 'Add camera' }).click();
  const form = page.getByRole('dialog', { name: 'Add a camera' });
  await form.getByLabel('Name (required)').fill(cameraName);
  await form.getByLabel('Stream URL (required)').fill(`file://${makeMovingBoxVideo()}`);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const cameraRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: cameraName }) });
  // Thumbnails load only for rows on screen; with the cameras earlier specs added, this one may be below the fold.
  await cameraRow.scrollIntoViewIfNeeded();
  const thumbnail = cameraRow.getByRole('img', { name: `Current picture of ${cameraName}` });
  await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth), { timeout: 45_000 }).toBeGreaterThan(0);
  await saveScreenshot(page, 'journey-camera-thumbnail');

  // The pipeline, built on the canvas: camera → motion → rule → websocket + annotated restream.
  await page.getByRole('navigation').getByRole('link', { name: 'Pipelines', exact: true }).click();
  await page.getByLabel('Name').fill(`Journey ${stamp}`);
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await expect(page).toHaveURL(/\/pipelines\/pip_[A-Za-z0-9_-]+$/);
  const pipelineId = page.url().split('/').at(-1)!;
  const places: [string, string, number, number][] = [
    ['camera-1', 'Camera', 20, 30],
    ['algorithm-1', 'Algorithm', 300, 30],
    ['rule-1', 'Rule', 300, 170],
    ['websocket-1', 'WebSocket', 20, 310],
    ['restream-1', 'Annotated restream', 560, 30],
  ];
  for (const [id, label, x, y] of places) {
    await dragFromPalette(page, label, { x, y });
    await expect(canvasNode(page, id)).toBeVisible();
  }
  await (await selectCanvasNode(page, 'camera-1')).getByLabel('Camera ID').selectOption({ label: cameraName });
  await (await selectCanvasNode(page, 'algorithm-1')).getByLabel('Algorithm ID').selectOption({ label: 'motion 1.0.0' });
  const rule = await selectCanvasNode(page, 'rule-1');
  await rule.getByLabel('Alarm type').fill(alarmType);
  await rule.getByLabel('Labels').fill('motion');
  await rule.getByLabel('Minimum score').fill('0');
  await dragConnection(page, { node: 'camera-1', port: 'video' }, { node: 'algorithm-1', port: 'video' });
  await dragConnection(page, { node: 'algorithm-1', port: 'detections' }, { node: 'rule-1', port: 'detections' });
  await dragConnection(page, { node: 'rule-1', port: 'events' }, { node: 'websocket-1', port: 'events' });
  await dragConnection(page, { node: 'algorithm-1', port: 'detections' }, { node: 'restream-1', port: 'detections' });
  await expect(canvasEdges(page)).toHaveCount(4);
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('No problems');
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('Saved revision');
  await saveScreenshot(page, 'journey-pipeline-built');

  // A second tab watches the alarm list of this pipeline before anything runs: the alarm must arrive there live.
  const alarmsTab = await context.newPage();
  await alarmsTab.goto(`/alarms?pipelineId=${pipelineId}`);
  await expect(alarmsTab.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 15_000 });
  await expect(alarmsTab.locator('table.alarm-table tbody tr')).toHaveCount(0);
  await alarmsTab.evaluate(() => ((window as unknown as { vigilMarker: boolean }).vigilMarker = true));

  await page.bringToFront();
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('requested');
  await expect(page.getByLabel('Run state')).toContainText('running revision', { timeout: 120_000 });
  await saveScreenshot(page, 'journey-pipeline-running');

  // The annotated stream plays: the video element's clock advances.
  await page.locator('#main').getByRole('link', { name: 'Live view' }).click();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${pipelineId}/live$`));
  const video = page.getByRole('figure').locator('video');
  await expect(async () => {
    await page.reload();
    await expect(video).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 45_000 });
  await expectVideoAdvances(video);
  await saveScreenshot(page, 'journey-live-video');

  // The alarm appeared in the other tab without a reload, and opens in detail.
  await alarmsTab.bringToFront();
  const firstRow = alarmsTab.locator('table.alarm-table tbody tr').first();
  await expect(firstRow).toBeVisible({ timeout: 60_000 });
  await expect(firstRow).toContainText(alarmType);
  expect(await alarmsTab.evaluate(() => (window as unknown as { vigilMarker?: boolean }).vigilMarker)).toBe(true);
  const alarmId = (await firstRow.getAttribute('data-alarm-id'))!;
  await saveScreenshot(alarmsTab, 'journey-alarm-live');
  await alarmsTab.getByRole('link', { name: `Open alarm ${alarmId}` }).click();
  await expect(alarmsTab.getByRole('heading', { level: 1, name: `Alarm ${alarmId}` })).toBeVisible();
  await expect(alarmsTab.getByRole('img', { name: new RegExp(`^Snapshot of alarm ${alarmId}`) })).toBeVisible();

  // Marked false; the dashboard counts it among today's false alarms.
  await alarmsTab.getByRole('button', { name: 'Mark false' }).click();
  await expect(alarmsTab.getByTestId('alarm-verdict')).toContainText('False, by admin');
  await saveScreenshot(alarmsTab, 'journey-alarm-marked-false');
  await alarmsTab.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
  const falseAlarms = alarmsTab.locator('.count-list[aria-label="Alarms today by verdict"] [data-state="false"] dd');
  await expect(falseAlarms).toHaveText(String(before.alarms.today.byVerdict.false + 1), { timeout: 15_000 });
  await expect(alarmsTab.locator(`.type-bar[data-type="${alarmType}"]`)).toBeVisible();
  await saveScreenshot(alarmsTab, 'journey-dashboard');

  await postAsUser(page, `/api/v1/pipelines/${pipelineId}/stop`, {});
});
