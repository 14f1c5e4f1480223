// Renders a generated 200-node pipeline in the canvas page and prints how long rendering and validation take.
//   npx tsx bench/canvas-200-nodes.ts                      starts its own platform (port 3290, fresh data dir)
//   npx tsx bench/canvas-200-nodes.ts --url http://127.0.0.1:3000 --username admin --password …
// Figures only, no assertions (bench/ convention).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { adminCredentials } from '../e2e/test-credentials';
import { compilePipeline } from '../lib/pipeline/compile-pipeline';
import { generateChainGraph } from './canvas-graph-generator';

const { values: args } = parseArgs({ options: { url: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, chains: { type: 'string', default: '40' } } });
const chains = Number(args.chains);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function startPlatform(): Promise<{ url: string; child: ChildProcess }> {
  const port = 3290;
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  // `env` adds the settings to the inherited environment (settings are read by server/config.ts only).
  const settings = [`VIGIL_DATA_DIR=${dataDir}`, `VIGIL_PORT=${port}`, 'TEMPORAL_ADDRESS=127.0.0.1:7390', 'TEMPORAL_UI_PORT=8390', `VIGIL_ADMIN_USERNAME=${adminCredentials.username}`, `VIGIL_ADMIN_PASSWORD=${adminCredentials.password}`];
  const child = spawn('env', [...settings, 'bash', 'scripts/start.sh'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the platform exited (${code}) before it was ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Vigil is running')) resolve();
    });
  });
  return { url, child };
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/pipelines$/);
}

async function post<T>(page: Page, path: string, body: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'vigil_csrf')?.value ?? '';
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
  if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

interface CanvasFigures {
  inDom: number;
  shown: number;
  verdict: string;
  verdictAt: number;
  selectMs: number;
  layoutMs: number;
  dragStepMs: number;
}

/** Opens the canvas page and times rendering, the first verdict, selecting a node, auto-layout and a drag. */
async function measureCanvas(page: Page, pipelineId: string, count: number, selectId: string): Promise<CanvasFigures> {
  // performance.now() in the page counts from navigation start.
  await page.goto(`/pipelines/${pipelineId}`);
  const inDom = (await (await page.waitForFunction((n) => (document.querySelectorAll('.react-flow__node').length >= n ? performance.now() : false), count, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
  const shown = (await (await page.waitForFunction((n) => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
    return nodes.length >= n && nodes.every((node) => node.style.visibility !== 'hidden') ? performance.now() : false;
  }, count, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
  const verdict = (await (await page.waitForFunction(() => {
    const text = document.querySelector('.problems-verdict')?.textContent ?? '';
    return text && !text.startsWith('Checking') ? { at: performance.now(), text } : false;
  }, null, { polling: 'raf', timeout: 60_000 })).jsonValue()) as { at: number; text: string };

  let started = Date.now();
  await page.locator(`.react-flow__node[data-id="${selectId}"] .pipeline-node-title`).click({ force: true });
  await page.getByRole('form', { name: `Settings of ${selectId}` }).waitFor();
  const selectMs = Date.now() - started;
  started = Date.now();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.getByRole('status', { name: 'Editor status' }).filter({ hasText: 'Laid out' }).waitFor();
  const layoutMs = Date.now() - started;
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(400);
  const box = (await page.locator('.react-flow__node[data-id="camera-1"]').boundingBox())!;
  started = Date.now();
  await page.mouse.move(box.x + box.width / 2, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + 80, { steps: 30 });
  await page.mouse.up();
  return { inDom, shown, verdict: verdict.text, verdictAt: verdict.at, selectMs, layoutMs, dragStepMs: (Date.now() - started) / 30 };
}

async function main(): Promise<void> {
  const own = args.url ? null : await startPlatform();
  const baseURL = args.url ?? own!.url;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ baseURL, viewport: { width: 1366, height: 768 } });
    await logIn(page, args.username ?? adminCredentials.username, args.password ?? adminCredentials.password);
    const camera = await post<{ id: string; name: string }>(page, '/api/v1/cameras', { name: `Bench camera ${Date.now()}`, streamUrl: 'file:///tmp/vigil-bench.mp4' });
    const version = `1.0.${Date.now() % 100_000}`;
    const algorithm = await post<{ id: string }>(page, '/api/v1/algorithms', { name: 'bench-detector', version, command: ['node', 'x.js'], port: 8080, labels: ['person'], roiTypes: ['polygon', 'line', 'point'] });
    const graph = generateChainGraph(chains, { cameraId: camera.id, algorithmId: algorithm.id });
    const pipeline = await post<{ id: string }>(page, '/api/v1/pipelines', { name: `Bench ${graph.nodes.length} nodes ${new Date().toISOString()}`, graph });

    // In process: the pure compiler alone, with a catalog like the server's.
    const catalog = {
      cameras: new Map([[camera.id, { id: camera.id, name: camera.name }]]),
      algorithms: new Map([[algorithm.id, { id: algorithm.id, name: 'bench-detector', version, labels: ['person'], roiTypes: ['polygon', 'line', 'point'] }]]),
    };
    const compileTimes = Array.from({ length: 20 }, () => {
      const started = performance.now();
      const result = compilePipeline({ graph, pipeline: { id: pipeline.id, name: 'bench', revision: 1 }, catalog });
      if (!result.ok) throw new Error(`the generated graph does not compile: ${result.errors[0]?.message}`);
      return performance.now() - started;
    });

    const big = await measureCanvas(page, pipeline.id, graph.nodes.length, 'rule-20');
    // The same interactions on a 10-node graph: this machine's floor (Playwright, headless software rendering).
    const smallGraph = generateChainGraph(2, { cameraId: camera.id, algorithmId: algorithm.id });
    const small = await post<{ id: string }>(page, '/api/v1/pipelines', { name: `Bench 10 nodes ${new Date().toISOString()}`, graph: smallGraph });
    const floor = await measureCanvas(page, small.id, smallGraph.nodes.length, 'rule-2');

    // The validate endpoint from the browser (compile against the DB catalog + HTTP), 10 calls.
    const validateTimes = await page.evaluate(async (body) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((part) => part.startsWith('vigil_csrf='))?.split('=')[1] ?? '');
      const times: number[] = [];
      for (let index = 0; index < 10; index += 1) {
        const started = performance.now();
        const response = await fetch('/api/v1/pipelines/validate', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
        await response.json();
        times.push(performance.now() - started);
      }
      return times;
    }, { graph, pipelineId: pipeline.id });

    const row = (label: string, value: string) => console.log(`  ${label.padEnd(58)}${value}`);
    console.log(`canvas bench: ${graph.nodes.length} nodes, ${graph.edges.length} edges (${chains} chains camera → algorithm → roi → rule → callback)`);
    row('first render (navigation → all nodes in the DOM)', ms(big.inDom));
    row('all nodes measured and visible', ms(big.shown));
    row('first compiler verdict shown (after a 400 ms debounce)', `${ms(big.verdictAt)} ("${big.verdict}")`);
    row('validate API round trip, median of 10', `${ms(median(validateTimes))} (min ${ms(Math.min(...validateTimes))}, max ${ms(Math.max(...validateTimes))})`);
    row('compilePipeline in process, median of 20', ms(median(compileTimes)));
    row('select a node → inspector shown', `${ms(big.selectMs)} (10-node graph: ${ms(floor.selectMs)})`);
    row('auto-layout (dagre) → status shown', `${ms(big.layoutMs)} (10-node graph: ${ms(floor.layoutMs)})`);
    row('drag a node, per mouse step (30 steps)', `${ms(big.dragStepMs)} (10-node graph: ${ms(floor.dragStepMs)})`);
  } finally {
    await browser.close();
    own?.child.kill('SIGTERM');
  }
}

await main();
