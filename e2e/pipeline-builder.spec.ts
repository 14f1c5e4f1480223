import { expect, test, type Page } from '@playwright/test';
import type { PipelineGraph } from '../lib/pipeline/graph-schema';
import { canvasEdges, canvasNode, clickStage, dragConnection, dragFromPalette, dragOnStage, makeMovingBoxVideo, postAsUser, saveScreenshot, selectCanvasNode } from './fixtures/pipeline-builder';
import { logInAsAdmin } from './support';

// One browser page walks through the builder like a person would: each test starts where the last stopped.
test.describe.configure({ mode: 'serial' });

let page: Page;
let pipelineId = '';
let cameraName = '';
const callbackUrl = 'http://127.0.0.1:3210/api/callback/handle';
const chain = ['camera-1', 'algorithm-1', 'roi-1', 'rule-1', 'callback-1'];

async function loadGraph(): Promise<PipelineGraph & { latestRevision: number }> {
  const response = await page.request.get(`/api/v1/pipelines/${pipelineId}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { graph: PipelineGraph; latestRevision: number };
  return { ...body.graph, latestRevision: body.latestRevision };
}

const nodeTransforms = () => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-id')} ${(node as HTMLElement).style.transform}`).sort());

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const video = makeMovingBoxVideo();
  page = await browser.newPage();
  await logInAsAdmin(page);
  cameraName = `Moving box ${Date.now()}`;
  await postAsUser(page, '/api/v1/cameras', { name: cameraName, streamUrl: `file://${video}` });
  // Algorithm names are unique per version; a re-run on the same data dir may already have it.
  const existing = (await (await page.request.get('/api/v1/algorithms?name=person-detector')).json()) as { items: unknown[] };
  if (existing.items.length === 0) {
    await postAsUser(page, '/api/v1/algorithms', { name: 'person-detector', version: '1.0.0', command: ['node', 'x.js'], port: 8080, labels: ['person'], roiTypes: ['polygon', 'line', 'point'] });
  }
});

test.afterAll(async () => {
  await page.close();
});

test('New pipeline opens the canvas; camera → algorithm → roi → rule → callback is built by dragging and connecting', async () => {
  await page.goto('/pipelines');
  await page.getByLabel('Name').fill('Gate 3 intrusion');
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await expect(page).toHaveURL(/\/pipelines\/pip_[A-Za-z0-9_-]+$/);
  pipelineId = page.url().split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: 'Gate 3 intrusion' })).toBeVisible();

  const places: Record<string, [string, number, number]> = {
    'camera-1': ['Camera', 20, 30],
    'algorithm-1': ['Algorithm', 300, 30],
    'roi-1': ['Region of interest', 20, 170],
    'rule-1': ['Rule', 300, 170],
    'callback-1': ['HTTP callback', 20, 310],
  };
  for (const [id, [label, x, y]] of Object.entries(places)) {
    await dragFromPalette(page, label, { x, y });
    await expect(canvasNode(page, id)).toBeVisible();
  }

  await (await selectCanvasNode(page, 'camera-1')).getByLabel('Camera Id').selectOption({ label: cameraName });
  await (await selectCanvasNode(page, 'algorithm-1')).getByLabel('Algorithm Id').selectOption({ label: 'person-detector 1.0.0' });
  const rule = await selectCanvasNode(page, 'rule-1');
  await rule.getByLabel('Alarm Type').fill('intrusion');
  await rule.getByLabel('Labels').fill('person');
  await (await selectCanvasNode(page, 'callback-1')).getByLabel('Url').fill(callbackUrl);

  await dragConnection(page, { node: 'camera-1', port: 'video' }, { node: 'algorithm-1', port: 'video' });
  await dragConnection(page, { node: 'algorithm-1', port: 'detections' }, { node: 'roi-1', port: 'detections' });
  await dragConnection(page, { node: 'roi-1', port: 'detections' }, { node: 'rule-1', port: 'detections' });
  await dragConnection(page, { node: 'rule-1', port: 'events' }, { node: 'callback-1', port: 'events' });
  await expect(canvasEdges(page)).toHaveCount(4);
  await expect(canvasNode(page, 'camera-1')).toContainText(cameraName);
  // The only problem left is the region node with nothing drawn yet.
  await expect(page.getByRole('list', { name: 'Problems', exact: true })).toContainText('draw at least one region');
  await expect(canvasNode(page, 'roi-1').locator('.pipeline-node')).toHaveClass(/pipeline-node-error/);
  await expect(canvasNode(page, 'callback-1').locator('.pipeline-node')).not.toHaveClass(/pipeline-node-error/);
  await saveScreenshot(page, 'pipeline-built');
});

test('a camera cannot feed a rule: the connection is refused and the status line says why', async () => {
  await dragConnection(page, { node: 'camera-1', port: 'video' }, { node: 'rule-1', port: 'detections' });
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('sends video, but Rule "rule-1" takes detections');
  await expect(canvasEdges(page)).toHaveCount(4);
  await saveScreenshot(page, 'pipeline-connection-refused');
});

test('an invalid callback URL shows its error on the node and in the problems list', async () => {
  const url = (await selectCanvasNode(page, 'callback-1')).getByLabel('Url');
  await url.fill('ftp://x');
  const node = canvasNode(page, 'callback-1').locator('.pipeline-node');
  await expect(node).toHaveClass(/pipeline-node-error/);
  await expect(node).toContainText('callback URLs must be http:// or https://');
  await expect(page.getByRole('form', { name: 'Settings of callback-1' })).toContainText('callback URLs must be http:// or https://');
  await selectCanvasNode(page, 'rule-1');
  await page.getByRole('list', { name: 'Problems', exact: true }).getByRole('button', { name: /callback URLs must be http/ }).click();
  await expect(page.getByRole('form', { name: 'Settings of callback-1' })).toBeVisible();
  await saveScreenshot(page, 'pipeline-invalid-config');

  await url.fill(callbackUrl);
  await expect(node).not.toHaveClass(/pipeline-node-error/);
});

test('a polygon and a line are drawn on a real snapshot of the test stream', async () => {
  await selectCanvasNode(page, 'roi-1');
  await page.getByRole('button', { name: 'Edit regions (0)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Regions of roi-1' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.roi-stage')).toHaveAttribute('data-snapshot', 'ready', { timeout: 20_000 });

  await dialog.getByRole('button', { name: 'Polygon tool' }).click();
  await clickStage(page, 0.1, 0.2);
  await clickStage(page, 0.6, 0.15);
  await clickStage(page, 0.7, 0.8);
  await clickStage(page, 0.45, 0.95);
  await clickStage(page, 0.15, 0.85, { double: true });
  await dialog.getByRole('button', { name: 'Line tool' }).click();
  await clickStage(page, 0.8, 0.1);
  await clickStage(page, 0.85, 0.9);
  await dialog.getByRole('button', { name: 'Point tool' }).click();
  await clickStage(page, 0.5, 0.5);
  const regions = dialog.getByRole('list', { name: 'Regions' }).getByRole('listitem');
  await expect(regions).toHaveCount(3);

  // Select tool: drag the polygon's first corner, then select the point and delete it with the keyboard.
  await dialog.getByRole('button', { name: 'Select tool' }).click();
  await dragOnStage(page, [0.1, 0.2], [0.2, 0.3]);
  // A selected vertex is deleted with the keyboard, not its region: the polygon keeps 4 of its 5 corners (saved below).
  await clickStage(page, 0.45, 0.95);
  await page.keyboard.press('Delete');
  await expect(regions).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Select Point 1' }).click();
  await page.keyboard.press('Delete');
  await expect(regions).toHaveCount(2);

  await dialog.getByLabel('Name of polygon region-1').fill('Gate area');
  await dialog.getByLabel('Crossing direction of Line 1').selectOption('a-to-b');
  await saveScreenshot(page, 'pipeline-roi-editor');
  await dialog.getByRole('button', { name: 'Apply regions' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvasNode(page, 'roi-1')).toContainText('2 regions');
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('No problems', { timeout: 10_000 });
});

test('Save creates a revision; after a reload nodes, edges and regions are as they were', async () => {
  // Auto-layout arranges the chain left to right: every edge goes from a node to one further right.
  const leftOf = async (id: string) => (await canvasNode(page, id).boundingBox())!.x;
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('Laid out left to right.');
  for (let index = 1; index < chain.length; index += 1) expect(await leftOf(chain[index]!)).toBeGreaterThan(await leftOf(chain[index - 1]!));
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('Saved revision 2.');
  const saved = await loadGraph();
  expect(saved.latestRevision).toBe(2);
  const roi = saved.nodes.find((node) => node.id === 'roi-1')!.data as { regions: { name: string; kind: string; points: number[][]; direction?: string }[] };
  expect(roi.regions.map((region) => [region.name, region.kind, region.points.length, region.direction])).toEqual([
    ['Gate area', 'polygon', 4, undefined],
    ['Line 1', 'line', 2, 'a-to-b'],
  ]);
  const corner = roi.regions[0]!.points[0]!;
  expect(corner[0]).toBeCloseTo(0.2, 1);
  expect(corner[1]).toBeCloseTo(0.3, 1);
  const before = await nodeTransforms();

  await page.reload();
  for (const id of chain) await expect(canvasNode(page, id)).toBeVisible();
  await expect(canvasEdges(page)).toHaveCount(4);
  expect(await nodeTransforms()).toEqual(before);
  await expect(page.getByText('Revision 2 ·')).toBeVisible();
  await expect(canvasNode(page, 'roi-1')).toContainText('2 regions');
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('No problems');
  await selectCanvasNode(page, 'roi-1');
  await page.getByRole('button', { name: 'Edit regions (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Regions of roi-1' });
  await expect(dialog.getByLabel('Name of polygon region-1')).toHaveValue('Gate area');
  await expect(dialog.getByLabel('Crossing direction of Line 1')).toHaveValue('a-to-b');
  await expect(dialog.locator('.roi-stage')).toHaveAttribute('data-snapshot', 'ready', { timeout: 20_000 });
  await saveScreenshot(page, 'pipeline-reloaded-regions');

  // EV WKT: export what is drawn, refuse a broken import, import a point; Cancel then discards all of it.
  await dialog.getByText('EV WKT export / import').click();
  const wkt = dialog.getByLabel('EV region config (JSON)');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(wkt).toHaveValue(/"roi_type": "polygon_1;line_1"/);
  await expect(wkt).toHaveValue(/"POLYGON\(\((0\.\d+ 0\.\d+, ){4}0\.\d+ 0\.\d+\)\)"/);
  await expect(wkt).toHaveValue(/LINESTRING\(/);
  await wkt.fill('{"roi_type": "polygon_1", "polygon_1": ["POLYGON((0.1 0.1, 2 0.1, 0.5 0.5))"]}');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('coordinates must be normalised 0–1');
  await wkt.fill('{"roi_type": "point_1", "point_1": ["POINT(0.5 0.5)"]}');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('list', { name: 'Regions' }).getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvasNode(page, 'roi-1')).toContainText('2 regions');
  // Fit view brings every node inside the visible canvas, even after the view was panned far away.
  const pane = page.locator('.react-flow__pane');
  const paneBox = (await pane.boundingBox())!;
  await page.mouse.move(paneBox.x + paneBox.width / 2, paneBox.y + paneBox.height - 10);
  await page.mouse.down();
  await page.mouse.move(paneBox.x + paneBox.width / 2 + 900, paneBox.y + paneBox.height - 10, { steps: 5 });
  await page.mouse.up();
  const inside = async () => {
    const boxes = await Promise.all(chain.map((id) => canvasNode(page, id).boundingBox()));
    return boxes.every((box) => box !== null && box.x >= paneBox.x - 1 && box.x + box.width <= paneBox.x + paneBox.width + 1 && box.y >= paneBox.y - 1 && box.y + box.height <= paneBox.y + paneBox.height + 1);
  };
  expect(await inside()).toBe(false);
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect.poll(inside).toBe(true);
  await saveScreenshot(page, 'pipeline-reloaded');
});

test('Deploy and Stop show the API answer and the state the workflow reports', async () => {
  const status = page.getByRole('status', { name: 'Editor status' });
  for (const command of ['Deploy', 'Stop']) {
    const answer = page.waitForResponse((response) => response.url().endsWith(`/${command.toLowerCase()}`));
    await page.getByRole('button', { name: command, exact: true }).click();
    const response = await answer;
    const body = (await response.json()) as { error?: { message: string } };
    if (response.ok()) {
      await expect(status).toContainText('requested');
      await expect(page.getByLabel('Run state')).toContainText(`wanted ${command === 'Deploy' ? 'running' : 'stopped'}`);
    } else {
      await expect(status).toContainText(body.error!.message);
    }
    await saveScreenshot(page, `pipeline-${command.toLowerCase()}-answer`);
  }
});

test('keyboard delete, undo and redo; an older revision is compared and restored', async () => {
  await selectCanvasNode(page, 'callback-1');
  await canvasNode(page, 'callback-1').focus();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(canvasEdges(page)).toHaveCount(4);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('Saved revision 3.');

  await page.getByRole('button', { name: 'Revisions', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Revisions' });
  await expect(panel.locator('[data-revision]')).toHaveCount(3);
  await panel.getByRole('button', { name: 'Compare revision 2 with revision 3' }).click();
  await expect(panel.getByRole('region', { name: 'Changes from revision 2 to revision 3' })).toContainText('− node callback-1 (callback)');
  await saveScreenshot(page, 'pipeline-revision-diff');

  await panel.getByRole('button', { name: 'Restore revision 2' }).click();
  await expect(page.getByRole('status', { name: 'Editor status' })).toContainText('Restored revision 2 as revision 4.');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(canvasEdges(page)).toHaveCount(4);
  const restored = await loadGraph();
  expect(restored.latestRevision).toBe(4);
  expect(restored.nodes.map((node) => node.id).sort()).toEqual([...chain].sort());
  await expect(page.getByRole('button', { name: 'Save revision' })).toBeEnabled();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Problems/ })).toContainText('No problems');
  await saveScreenshot(page, 'pipeline-restored');

  await page.getByRole('link', { name: 'All pipelines' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Gate 3 intrusion' });
  await expect(row.getByRole('cell')).toContainText(['Gate 3 intrusion', '4', '—', 'stopped']);
  await saveScreenshot(page, 'pipelines-list');
});
