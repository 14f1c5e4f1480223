import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startSiteAgent, type SiteAgentProcess } from '../test/support/site-agent-process';
import { saveScreenshot } from './fixtures/pipeline-builder';
import { collectConsoleErrors, expectNoSeriousViolations } from './fixtures/console-checks';
import { enableTrainingIfOff } from './fixtures/training';
import { logInAsAdmin } from './support';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const siteIds = ['e2e-site-a', 'e2e-site-b'];
const rounds = 3;

/** Rounds plotted on the job page's chart: the points of its first line (global accuracy); 0 while it is empty. */
async function plottedRounds(page: Page): Promise<number> {
  const line = page.locator('figure.round-chart svg polyline').first();
  if ((await line.count()) === 0) return 0;
  return ((await line.getAttribute('points')) ?? '').trim().split(/\s+/).filter(Boolean).length;
}

test('a federated job on two real site agents: sites online, the form starts it, the chart grows per round, the model version is listed', async ({ page }) => {
  test.setTimeout(150_000);
  // The platform under test (playwright.config.ts): its data dir, Temporal on 7310 and the platform queue `vigil`.
  const dataDir = resolve(repositoryRoot, process.env.VIGIL_E2E_DATA_DIR ?? '');
  expect(process.env.VIGIL_E2E_DATA_DIR, 'set by playwright.config.ts').toBeTruthy();
  const sitesRoot = mkdtempSync(join(tmpdir(), 'vigil-e2e-sites-'));
  const agents: SiteAgentProcess[] = [];
  const consoleErrors = collectConsoleErrors(page);
  try {
    // Each site holds its own MNIST shard, written as an operator would (IID: both sites see every digit).
    execFileSync(process.execPath, ['--import', 'tsx', 'training/write-site-data-main.ts', '--sites', siteIds.join(','), '--out', sitesRoot, '--split', 'iid', '--limit', '2000', '--seed', '7'], { cwd: repositoryRoot, stdio: 'pipe', timeout: 60_000 });
    for (const siteId of siteIds) agents.push(startSiteAgent({ siteId, dataDir: join(sitesRoot, siteId), temporalAddress: '127.0.0.1:7310', artifactsDir: join(dataDir, 'artifacts'), taskQueue: 'vigil' }));

    await logInAsAdmin(page);
    await enableTrainingIfOff(page);
    // The sites table is rendered on the server: reload until both agents' heartbeats have landed.
    const sitesTable = page.getByRole('table', { name: 'Training sites and their last heartbeat' });
    await expect(async () => {
      await page.reload();
      for (const siteId of siteIds) {
        const row = sitesTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: siteId, exact: true }) });
        await expect(row.getByRole('cell').first()).toHaveText('online', { timeout: 1000 });
        // Samples (train / test) as the agent counted them in its own folder: 2,000 digits split in two, 15 % held out.
        await expect(row.getByRole('cell').nth(2)).toHaveText(/^8\d\d \/ 1\d\d$/, { timeout: 1000 });
      }
    }, `site agents never came online:\n${agents.map((agent) => agent.output().slice(-1500)).join('\n')}`).toPass({ timeout: 60_000, intervals: [1000] });
    await saveScreenshot(page, 'training-sites-online');

    const form = page.getByRole('form', { name: 'New training job' });
    const jobName = `e2e fedavg ${Date.now()}`;
    await form.getByLabel('Name (optional)').fill(jobName);
    await form.getByLabel('Rounds').fill(String(rounds));
    await form.getByLabel('Aggregation strategy').selectOption('fedavg');
    await form.getByLabel('Local epochs').fill('3');
    // Both online sites are ticked by default.
    await expect(form.getByRole('checkbox', { name: /^e2e-site-/ })).toHaveCount(siteIds.length);
    for (const box of await form.getByRole('checkbox', { name: /^e2e-site-/ }).all()) await expect(box).toBeChecked();
    await form.getByRole('button', { name: 'Start training' }).click();
    await expect(page).toHaveURL(/\/training\/[^/]+$/);
    const jobId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await expect(page.getByRole('heading', { level: 1, name: jobName })).toBeVisible();

    // The page polls while the job runs: the chart gains rounds one after another, not all at once at the end.
    await expect(page.getByText('Updating every few seconds while the job runs.')).toBeVisible();
    const seen = new Set<number>();
    const observe = async () => {
      const count = await plottedRounds(page);
      seen.add(count);
      return count;
    };
    await expect.poll(observe, { timeout: 60_000, intervals: [250] }).toBeGreaterThan(0);
    if ((await observe()) < rounds) await saveScreenshot(page, 'training-job-running');
    await expect.poll(observe, { timeout: 90_000, intervals: [250] }).toBe(rounds);
    const counts = [...seen].sort((a, b) => a - b);
    expect(counts.some((count) => count > 0 && count < rounds), `rounds plotted over time: ${counts.join(', ')}`).toBe(true);
    await expect(page.locator('.job-facts .state-badge')).toHaveText('completed', { timeout: 30_000 });

    // One solid line each for global accuracy and loss, one dashed line per site's evaluation accuracy.
    const chart = page.locator('figure.round-chart');
    await expect(chart.locator('polyline[stroke-dasharray]')).toHaveCount(siteIds.length);
    for (const siteId of siteIds) await expect(chart.getByRole('listitem').filter({ hasText: `Accuracy at ${siteId}` })).toBeVisible();
    for (const line of await chart.locator('polyline').all()) expect(((await line.getAttribute('points')) ?? '').trim().split(/\s+/)).toHaveLength(rounds);
    await expect(page.getByText(/^Final accuracy \d+(\.\d)?%, loss [\d.]+$/)).toBeVisible();
    await expect(page.getByRole('table').filter({ hasText: 'Dropped out' }).getByRole('row')).toHaveCount(rounds + 1);
    await saveScreenshot(page, 'training-job-finished');
    await expectNoSeriousViolations(page);

    // The list shows the job finished and the model version it published, with its metrics.
    await page.goto('/training');
    const jobRow = page.getByRole('table', { name: 'Training jobs, newest first' }).getByRole('row').filter({ hasText: jobName });
    await expect(jobRow).toContainText('completed');
    await expect(jobRow).toContainText(`${rounds} of ${rounds}`);
    const modelRow = page.getByRole('table', { name: 'Model versions published by training jobs' }).getByRole('row').filter({ has: page.getByRole('link', { name: jobId, exact: true }) });
    await expect(modelRow).toHaveCount(1);
    await expect(modelRow.getByRole('rowheader')).toHaveText(/^mnist-mlp v\d+$/);
    const cells = modelRow.getByRole('cell');
    await expect(cells.nth(1)).toHaveText(String(rounds));
    await expect(cells.nth(2)).toHaveText(/^\d+(\.\d)?%$/);
    await expect(cells.nth(3)).toHaveText(/^\d+(\.\d+)?$/);
    await saveScreenshot(page, 'training-model-listed');
    expect(consoleErrors).toEqual([]);
  } finally {
    await Promise.all(agents.map((agent) => agent.stop()));
    rmSync(sitesRoot, { recursive: true, force: true });
  }
});
