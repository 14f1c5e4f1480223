import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import sharp from 'sharp';
import { collectConsoleErrors, expectNoMessageKeys, expectNoSeriousViolations, restoreEnglish, sendAsUser as send } from './fixtures/console-checks';
import { logInAsAdmin, screenshotPath } from './support';

// use-intl renders a missing message as its key path ("alarms.list.caption"): none may reach the page.
const untranslatedKey = /\balarms\.[a-zA-Z]+\.[a-zA-Z]/;

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

interface Delivery {
  id: string;
  state: string;
}

test('alarms: live arrival without reload, filters in the URL, detail with snapshot and boxes, verdict, re-drive, CSV export, axe in English and 中文', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const consoleErrors = collectConsoleErrors(page);
  await logInAsAdmin(page);

  const run = Date.now().toString(36);
  const settings = await getJson<{ callbackPolicy: { allowList: string[] } }>(page, '/api/v1/settings');
  // Deliveries go to this platform's own API at a path that does not exist: a 404 is a final answer → failed.
  await send(page, 'PATCH', '/api/v1/settings', { callbackPolicy: { allowList: [...new Set([...settings.callbackPolicy.allowList, '127.0.0.1'])] } });
  try {
    const refusingUrl = `${baseURL}/api/v1/e2e-refuses-callbacks-${run}`;
    const pipeline = await send<{ id: string; name: string }>(page, 'POST', '/api/v1/pipelines', {
      name: `Alarm journey ${run}`,
      graph: { nodes: [{ id: 'callback-1', type: 'callback', position: { x: 0, y: 0 }, data: { url: refusingUrl, timeoutSeconds: 5 } }], edges: [] },
    });
    const jpeg = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a3440' } }).jpeg().toBuffer();
    const ingest = (suffix: string, state: 'start' | 'end', extra: Record<string, unknown> = {}, time = new Date()) =>
      send(page, 'POST', '/api/v1/alarms/events', {
        event: {
          id: `alm_e2e${run}${suffix}`,
          version: 1,
          type: 'intrusion',
          state,
          time: time.toISOString(),
          pipeline: { id: pipeline.id, name: pipeline.name, revision: 1 },
          camera: { id: `cam_e2e${run}`, name: 'Gate 1' },
          algorithm: { id: 'alg_e2e', name: 'person', version: '1.0.0' },
          objects: [{ label: 'person', score: 0.92, box: { x: 160, y: 90, width: 320, height: 90 } }],
        },
        snapshotJpegBase64: jpeg.toString('base64'),
        snapshotSize: { width: 640, height: 360 },
        ...extra,
      });
    const first = `alm_e2e${run}a`;
    const second = `alm_e2e${run}b`;
    const live = `alm_e2e${run}c`;
    await ingest('a', 'start', { sinkNodeIds: ['callback-1'] }, new Date(Date.now() - 60_000));
    await ingest('b', 'start', {}, new Date(Date.now() - 30_000));
    await ingest('b', 'end', {}, new Date(Date.now() - 20_000));

    // The list of this pipeline's alarms, newest first, live.
    await page.goto(`/alarms?pipelineId=${pipeline.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Alarms' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 15_000 });
    const rows = page.locator('table.alarm-table tbody tr');
    await expect(rows).toHaveCount(2);
    expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-alarm-id')))).toEqual([second, first]);

    // A new alarm arrives over the websocket and appears on top, without a reload.
    await page.evaluate(() => ((window as unknown as { vigilMarker: boolean }).vigilMarker = true));
    await ingest('c', 'start');
    await expect(rows).toHaveCount(3, { timeout: 15_000 });
    await expect(rows.first()).toHaveAttribute('data-alarm-id', live);
    await expect(rows.first()).toHaveClass(/alarm-row-new/);
    expect(await page.evaluate(() => (window as unknown as { vigilMarker?: boolean }).vigilMarker)).toBe(true);
    await expectNoMessageKeys(page, untranslatedKey);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('alarms-list-live'), fullPage: true });

    // The sound preference is off by default and remembered in this browser.
    const sound = page.getByLabel('Sound on new alarms');
    await expect(sound).not.toBeChecked();
    await sound.check();
    expect(await page.evaluate(() => window.localStorage.getItem('vigil.alarms.sound'))).toBe('on');
    await sound.uncheck();

    // Filters go into the URL (a shareable view): closed alarms of this pipeline.
    await page.getByLabel('State').selectOption('closed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`pipelineId=${pipeline.id}.*status=closed`));
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-alarm-id', second);
    await page.reload();
    await expect(rows).toHaveCount(1);
    await expect(page.getByLabel('State')).toHaveValue('closed');

    // CSV export of the filtered list: the same rows.
    await page.goto(`/alarms?pipelineId=${pipeline.id}`);
    await expect(rows).toHaveCount(3);
    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(/^vigil-alarms-.*\.csv$/);
    const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data.map((row) => row.id)).toEqual([live, second, first]);
    expect(csv.data.map((row) => row.cameraName)).toEqual(['Gate 1', 'Gate 1', 'Gate 1']);

    // Keyboard: the row's link opens the detail with Enter.
    await page.getByRole('link', { name: `Open alarm ${first}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]id=${first}`));
    await expect(page.getByRole('heading', { level: 1, name: `Alarm ${first}` })).toBeVisible();

    // The snapshot with the detection box scaled to the displayed image (25 %, 25 %, 50 % × 25 %).
    const image = page.getByRole('img', { name: `Snapshot of alarm ${first} with 1 detection outlined` });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(640);
    const box = page.getByTestId('detection-box');
    await expect(box).toHaveCount(1);
    const imageBox = (await image.boundingBox())!;
    const detection = (await box.boundingBox())!;
    expect(Math.abs(detection.x - (imageBox.x + imageBox.width * 0.25))).toBeLessThan(3);
    expect(Math.abs(detection.y - (imageBox.y + imageBox.height * 0.25))).toBeLessThan(3);
    expect(Math.abs(detection.width - imageBox.width * 0.5)).toBeLessThan(4);
    await expect(box).toContainText('person 92%');
    await expect(page.getByRole('region', { name: 'Event JSON' }).locator('pre')).toContainText(`"id": "${first}"`);

    // Mark false: stored with who and when.
    await page.getByRole('button', { name: 'Mark false' }).click();
    await expect(page.getByTestId('alarm-verdict')).toContainText('False, by admin');
    await expect(page.getByRole('button', { name: 'Mark false' })).toHaveAttribute('aria-pressed', 'true');
    expect((await getJson<{ label: string | null; labeledBy: { username: string } }>(page, `/api/v1/alarms/${first}`))).toMatchObject({ label: 'false', labeledBy: { username: 'admin' } });

    // The refused callback ends failed; re-drive it.
    await expect
      .poll(async () => (await getJson<{ items: Delivery[] }>(page, `/api/v1/deliveries?alarmId=${first}`)).items.map((delivery) => delivery.state), { timeout: 60_000 })
      .toEqual(['failed']);
    const failedDeliveryId = (await getJson<{ items: Delivery[] }>(page, `/api/v1/deliveries?alarmId=${first}`)).items[0]!.id;
    await page.getByRole('button', { name: 'Refresh deliveries' }).click();
    const deliveries = page.getByRole('region', { name: 'Callback deliveries' });
    await expect(deliveries.locator('[data-delivery-state="failed"]')).toBeVisible();
    await expect(deliveries.getByRole('cell', { name: '404' }).first()).toBeVisible();
    await expect(deliveries.getByText('Rejected').first()).toBeVisible();
    await expectNoMessageKeys(page, untranslatedKey);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('alarms-detail'), fullPage: true });
    await deliveries.getByRole('button', { name: `Re-drive the delivery to ${refusingUrl}` }).click();
    await expect(deliveries.getByText('Re-drive started')).toBeVisible();
    await expect
      .poll(async () => (await getJson<{ items: { action: string; resourceId: string | null }[] }>(page, '/api/v1/audit?action=delivery.redrive&limit=50')).items.some((entry) => entry.resourceId === failedDeliveryId), { timeout: 10_000 })
      .toBe(true);

    // /alarms/<id> is the same detail.
    await page.goto(`/alarms/${second}`);
    await expect(page).toHaveURL(new RegExp(`/alarms\\?id=${second}$`));
    await expect(page.getByTestId('alarm-verdict')).toHaveText('Not labelled');

    // 中文: the list and the detail translated, dates by locale, and still accessible.
    try {
      await page.getByLabel('Language').selectOption('zh-CN');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await page.goto(`/alarms?pipelineId=${pipeline.id}`);
      await expect(page.getByRole('heading', { level: 1, name: '告警' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '实时' })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('button', { name: '应用筛选' })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: '开始时间' })).toBeVisible();
      await expect(rows.first().locator('td').first()).toContainText('年');
      await expectNoMessageKeys(page, untranslatedKey);
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: screenshotPath('alarms-list-zh'), fullPage: true });
      await page.goto(`/alarms?id=${first}`);
      await expect(page.getByRole('heading', { level: 1, name: `告警 ${first}` })).toBeVisible();
      await expect(page.getByTestId('alarm-verdict')).toContainText('误报，由 admin');
      await expect(page.getByRole('button', { name: '标记为真实' })).toBeVisible();
      await expectNoMessageKeys(page, untranslatedKey);
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: screenshotPath('alarms-detail-zh'), fullPage: true });
      await page.getByLabel('语言').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    } finally {
      await restoreEnglish(page);
    }
  } finally {
    await send(page, 'PATCH', '/api/v1/settings', { callbackPolicy: { allowList: settings.callbackPolicy.allowList } });
  }
  expect(consoleErrors).toEqual([]);
});
