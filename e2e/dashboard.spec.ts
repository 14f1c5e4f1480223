import { expect, test, type Page } from '@playwright/test';
import type { Dashboard } from '../lib/contracts/dashboard';
import { parseExposition, sampleValue } from '../server/metrics/parse-exposition';
import { collectConsoleErrors, expectNoMessageKeys, expectNoSeriousViolations, restoreEnglish, sendAsUser as send } from './fixtures/console-checks';
import { logInAsAdmin, screenshotPath } from './support';

// use-intl renders a missing message as its key path ("dashboard.cameras.title"): none may reach the page.
const untranslatedKey = /\bdashboard\.[a-zA-Z]+\.[a-zA-Z]/;

async function readDashboard(page: Page): Promise<Dashboard> {
  const response = await page.request.get('/api/v1/dashboard');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Dashboard;
}

const healthRow = (page: Page, component: string) => page.locator(`.health-row[data-component="${component}"]`);

test('dashboard: counts a camera and an alarm created through the API without a reload, health tiles, /metrics with a token, axe in English and 中文', async ({ page, request }) => {
  test.setTimeout(180_000);
  const consoleErrors = collectConsoleErrors(page);
  await logInAsAdmin(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const before = await readDashboard(page);

  // The real platform: the database, Temporal, a worker polling the task queue and the media server all answer.
  for (const component of ['database', 'temporal', 'worker', 'media']) await expect(healthRow(page, component).locator('.state-badge')).toHaveText('OK');
  await expect(healthRow(page, 'disk')).toContainText('free of');
  await page.screenshot({ path: screenshotPath('dashboard-before'), fullPage: true });

  const run = Date.now().toString(36);
  const camera = await send<{ id: string; name: string }>(page, 'POST', '/api/v1/cameras', { name: `Dashboard gate ${run}`, streamUrl: 'rtsp://192.0.2.10/stream1' });
  const pipeline = await send<{ id: string; name: string }>(page, 'POST', '/api/v1/pipelines', { name: `Dashboard journey ${run}` });
  const alarmType = `e2e-dashboard-${run}`;
  await send(page, 'POST', '/api/v1/alarms/events', {
    event: {
      id: `alm_dash${run}`,
      version: 1,
      type: alarmType,
      state: 'start',
      time: new Date().toISOString(),
      pipeline: { id: pipeline.id, name: pipeline.name, revision: 1 },
      camera: { id: camera.id, name: camera.name },
      algorithm: { id: 'alg_e2e', name: 'person', version: '1.0.0' },
      objects: [{ label: 'person', score: 0.9, box: { x: 10, y: 10, width: 50, height: 100 } }],
    },
  });

  // The alarm arrives over the live feed, the camera with the next 10 s refresh: no reload.
  const todayTile = page.getByRole('region', { name: /Alarms today/ });
  await expect(todayTile.locator(`.type-bar[data-type="${alarmType}"] dd`)).toHaveText('1', { timeout: 15_000 });
  await expect(page.locator('.count-list[aria-label="Cameras by status"] [data-state="unwatched"] dd')).toHaveText(String(before.cameras.counts.unwatched + 1), { timeout: 15_000 });
  await expect(page.getByRole('region', { name: /Cameras/ })).toContainText(`${before.cameras.total + 1} camera`);
  const recentRow = page.locator(`tr[data-alarm-id="alm_dash${run}"]`);
  await expect(recentRow).toContainText(camera.name);
  await expect(recentRow).toContainText(pipeline.name);
  await expect(recentRow.getByRole('link', { name: /^Open alarm/ })).toHaveAttribute('href', `/alarms?id=alm_dash${run}`);
  await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
  await expectNoSeriousViolations(page);

  // Keyboard: the refresh control is reachable and works.
  const refresh = page.getByRole('button', { name: 'Refresh now' });
  await refresh.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.dashboard-updated')).toContainText('Updated');

  // Prometheus scrapes with a bearer token; the worker's poll and this alarm are in the numbers.
  const token = await send<{ token: string }>(page, 'POST', '/api/v1/tokens', { name: `prometheus ${run}`, role: 'viewer' });
  const anonymous = await request.get('/metrics');
  expect(anonymous.status()).toBe(401);
  const scrape = await request.get('/metrics', { headers: { authorization: `Bearer ${token.token}` } });
  expect(scrape.status()).toBe(200);
  const { samples } = parseExposition(await scrape.text());
  expect(sampleValue(samples, 'vigil_up', { component: 'worker' })).toBe(1);
  expect(sampleValue(samples, 'vigil_up', { component: 'temporal' })).toBe(1);
  expect(sampleValue(samples, 'vigil_alarms_total', { pipeline_id: pipeline.id, camera_id: camera.id })).toBe(1);

  await page.getByLabel('Language').selectOption('zh-CN');
  try {
    await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
    await expect(page).toHaveTitle(/总览/);
    await expect(page.getByRole('region', { name: /今日告警/ })).toBeVisible();
    await expect(healthRow(page, 'database').locator('.state-badge')).toHaveText('正常');
    await expectNoMessageKeys(page, untranslatedKey);
    await page.screenshot({ path: screenshotPath('dashboard-zh'), fullPage: true });
    await expectNoSeriousViolations(page);
  } finally {
    // Back to English for the specs that follow (they share this platform's database).
    await restoreEnglish(page);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
