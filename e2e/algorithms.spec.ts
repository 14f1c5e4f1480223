import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectNoMessageKeys, expectNoSeriousViolations, refusedRequest, restoreEnglish } from './fixtures/console-checks';
import { makeMovingBoxVideo, postAsUser, saveScreenshot } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

const untranslatedKey = /\balgorithms\.[a-zA-Z]+\.[a-zA-Z]/;

test('algorithms: register a manifest (a bad one names its fields), see where a version is used and its running instance with output; en + zh-CN, axe', async ({ page }) => {
  test.setTimeout(180_000);
  // The refused manifest answers 400 on purpose (the form shows why).
  const errors = collectConsoleErrors(page, refusedRequest(400, /\/api\/v1\/algorithms$/));
  const stamp = Date.now().toString(36);
  await logInAsAdmin(page);

  // Register by pasting: a manifest missing required keys is refused with the fields to fix, a valid one is listed.
  await page.goto('/algorithms');
  await expect(page.getByRole('heading', { level: 1, name: 'Algorithms' })).toBeVisible();
  const manifestField = page.getByLabel('Manifest (JSON)');
  await manifestField.fill(JSON.stringify({ name: `e2e-broken-${stamp}`, version: '1.0.0' }));
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Not registered' });
  await expect(refusal).toContainText('Fields to fix:');
  await expect(refusal).toContainText('labels');
  const motion = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'algorithms/motion/vigil-algorithm.json'), 'utf8')) as Record<string, unknown>;
  const name = `e2e-motion-${stamp}`;
  await manifestField.fill(JSON.stringify({ ...motion, name, version: '2.0.0' }));
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Registered ${name} 2.0.0.` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Version 2.0.0 of ${name}` })).toBeVisible();
  await saveScreenshot(page, 'algorithms-registry');
  await expectNoSeriousViolations(page);

  // A pipeline deployed with it: the version page says where it is used and shows its running instance with output.
  const camera = await postAsUser<{ id: string }>(page, '/api/v1/cameras', { name: `Algorithms camera ${stamp}`, streamUrl: `file://${makeMovingBoxVideo()}` });
  const algorithmId = ((await (await page.request.get(`/api/v1/algorithms?name=${name}`)).json()) as { items: { id: string }[] }).items[0]!.id;
  const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
  const pipeline = await postAsUser<{ id: string; name: string }>(page, '/api/v1/pipelines', {
    name: `Uses ${name}`,
    graph: {
      nodes: [node('camera-1', 'camera', { cameraId: camera.id }), node('algorithm-1', 'algorithm', { algorithmId }), node('rule-1', 'rule', { alarmType: 'motion', labels: ['motion'] }), node('ws-1', 'websocket', {})],
      edges: [{ id: 'e1', source: 'camera-1', target: 'algorithm-1' }, { id: 'e2', source: 'algorithm-1', target: 'rule-1' }, { id: 'e3', source: 'rule-1', target: 'ws-1' }],
    },
  });
  await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/deploy`, {});
  try {
    await expect
      .poll(async () => ((await (await page.request.get(`/api/v1/pipelines/${pipeline.id}/status`)).json()) as { status: { state: string } | null }).status?.state, { timeout: 90_000 })
      .toBe('running');
    await page.getByRole('link', { name: `Version 2.0.0 of ${name}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    const usage = page.getByRole('region', { name: 'Where it is used' });
    await expect(usage.getByRole('row').filter({ hasText: pipeline.name })).toContainText('Deployed');
    const instances = page.getByRole('region', { name: 'Running instances' });
    await expect(instances.getByRole('status')).toContainText('Checked', { timeout: 30_000 });
    const row = instances.getByRole('row').filter({ hasText: pipeline.id });
    await expect(row).toContainText('Ready');
    await expect(row).toContainText('✓');
    await expect(instances.getByRole('heading', { level: 3, name: /^Recent output of / })).toBeVisible();
    await saveScreenshot(page, 'algorithms-version-instances');
    await expectNoSeriousViolations(page);

    // 中文: the same page translated, without message keys, and accessible.
    try {
      await page.getByLabel('Language').selectOption('zh-CN');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('region', { name: '运行实例' })).toBeVisible();
      await expect(page).toHaveTitle(/算法|e2e-motion/);
      await expectNoMessageKeys(page, untranslatedKey);
      await saveScreenshot(page, 'algorithms-version-zh');
      await expectNoSeriousViolations(page);
      await page.goto('/algorithms');
      await expect(page.getByRole('heading', { level: 1, name: '算法' })).toBeVisible();
      await expectNoMessageKeys(page, untranslatedKey);
      await expectNoSeriousViolations(page);
    } finally {
      await restoreEnglish(page);
    }
  } finally {
    await postAsUser(page, `/api/v1/pipelines/${pipeline.id}/stop`, {});
  }
  expect(errors).toEqual([]);
});
