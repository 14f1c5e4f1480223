import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../db/connect';
import { encodeWeights } from '../lib/federated/weights-codec';
import { insertTrainingJob, resolveTrainingSpec } from '../server/training/create-training-job';
import { publishModelVersion } from '../server/training/training-records';
import { alarmVerifierTrainable } from '../training/alarm-verifier/alarm-verifier';
import { artifactRootOf, createFileArtifactStore } from '../training/artifact-store';
import { collectConsoleErrors, expectNoSeriousViolations, restoreEnglish } from './fixtures/console-checks';
import { enableTrainingIfOff } from './fixtures/training';
import { saveScreenshot } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

/**
 * An alarm-verifier version as a finished federated job leaves it (weights in the artifact store, a model_versions row),
 * written straight into the platform under test: training one through sites is the training-run spec's job.
 */
async function seedVerifierVersion(): Promise<{ id: string; version: number }> {
  const dataDir = process.env.VIGIL_E2E_DATA_DIR!;
  const db = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'vigil.db') });
  try {
    const weights = alarmVerifierTrainable.initialise(7);
    const model = await createFileArtifactStore(artifactRootOf(dataDir)).put(encodeWeights(weights));
    const job = await insertTrainingJob(db, resolveTrainingSpec({ algorithm: 'alarm-verifier', sites: ['e2e-seeded-site'], rounds: 1 }), null, new Date());
    const published = await publishModelVersion(db, { jobId: job.id, algorithm: 'alarm-verifier', round: 1, model, metrics: { accuracy: 0.875, loss: 0.31, sampleCount: 64 } }, new Date());
    return { id: published.id, version: published.version };
  } finally {
    await db.destroy();
  }
}

test('an alarm-verifier version is published to the analyzers from the training page, and shows as active; en + zh-CN, axe', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await logInAsAdmin(page);
  await enableTrainingIfOff(page);
  const seeded = await seedVerifierVersion();

  await page.goto('/training');
  const models = page.getByRole('region', { name: 'Model versions' });
  const row = models.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `alarm-verifier v${seeded.version}` }) });
  await expect(row).toContainText('87.5%');
  await row.getByRole('button', { name: `Publish to analyzers: alarm-verifier v${seeded.version}` }).click();
  await expect(row.getByRole('status')).toContainText(`alarm-verifier v${seeded.version} is active`);
  await expect(row.locator('[data-model-deployment="active"]')).toContainText('Active on analyzers');
  // The page refreshed into the badge, and the rollout's outcome is still there to read.
  await expect(row.getByRole('status')).toContainText(`alarm-verifier v${seeded.version} is active`);
  const listed = (await (await page.request.get('/api/v1/training/models?algorithm=alarm-verifier')).json()) as { items: { id: string; active: boolean }[] };
  expect(listed.items.filter((item) => item.active).map((item) => item.id)).toEqual([seeded.id]);
  await saveScreenshot(page, 'training-model-published');
  await expectNoSeriousViolations(page);

  // The audit log says who published what.
  const audit = (await (await page.request.get('/api/v1/audit?action=training.model.publish&limit=20')).json()) as { items: { action: string; resourceId: string | null }[] };
  expect(audit.items.some((entry) => entry.resourceId === seeded.id)).toBe(true);

  try {
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '训练' })).toBeVisible();
    await expect(page).toHaveTitle(/训练/);
    await expect(page.getByRole('region', { name: '模型版本' }).locator('[data-model-deployment="active"]').first()).toContainText('分析器正在使用');
    await expectNoSeriousViolations(page);
  } finally {
    await restoreEnglish(page);
  }
  expect(errors).toEqual([]);
});
