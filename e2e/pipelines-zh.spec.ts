import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectNoMessageKeys, expectNoSeriousViolations, restoreEnglish } from './fixtures/console-checks';
import { canvasNode } from './fixtures/pipeline-builder';
import { logInAsAdmin, screenshotPath } from './support';

// use-intl renders a missing message as its key path ("canvas.palette.title"): none may reach the page.
const untranslatedKey = /\b(pipelines|canvas|workflows)\.[a-zA-Z]/;

test('in 中文 the pipelines list, the editor canvas and the workflows page are Chinese, without message keys, and pass axe', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors = collectConsoleErrors(page);
  await logInAsAdmin(page);
  try {
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.goto('/pipelines');
    await expect(page.getByRole('heading', { level: 1, name: '流水线' })).toBeVisible();
    await expect(page).toHaveTitle(/流水线/);
    await expect(page.getByRole('button', { name: '新建流水线' })).toBeVisible();
    await expectNoMessageKeys(page, untranslatedKey);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('pipelines-zh-list'), fullPage: true });

    const name = `中文流水线 ${Date.now()}`;
    await page.getByLabel('名称').fill(name);
    await page.getByRole('button', { name: '新建流水线' }).click();
    await expect(page).toHaveURL(/\/pipelines\/pip_[A-Za-z0-9_-]+$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // Toolbar, palette and side panel in Chinese; the compiler's verdict on an empty graph translated by its code.
    const toolbar = page.getByRole('toolbar', { name: '流水线编辑器' });
    for (const command of ['撤销', '重做', '自动布局', '适应视图', '保存版本', '部署', '停止']) await expect(toolbar.getByRole('button', { name: command, exact: true })).toBeVisible();
    const palette = page.getByRole('complementary', { name: '节点面板' });
    for (const category of ['输入源', '分析', '输出', '端口']) await expect(palette.getByRole('heading', { name: category })).toBeVisible();
    await expect(palette.getByRole('button', { name: '添加 感兴趣区域 节点' })).toHaveText('感兴趣区域');
    await expect(page.getByRole('heading', { name: /问题/ })).toContainText('1 个问题', { timeout: 10_000 });
    await expect(page.getByRole('list', { name: '问题列表' })).toContainText('流水线没有节点：请先添加一个摄像头');
    await expect(page.getByText('期望：停止 · 未运行')).toBeVisible();

    // A camera node added from the palette: summary, inspector, and the problems of a lone, unset camera.
    await palette.getByRole('button', { name: '添加 摄像头 节点' }).click();
    await expect(canvasNode(page, 'camera-1')).toContainText('未选择摄像头');
    const inspector = page.getByRole('form', { name: 'camera-1 的设置' });
    await expect(inspector.getByLabel('分析帧率')).toHaveValue('5');
    await expect(inspector).toContainText('请选择摄像头');
    const problems = page.getByRole('list', { name: '问题列表' });
    await expect(problems).toContainText('没有连接任何节点');
    await expect(problems).toContainText('摄像头：请选择摄像头');
    await expect(page.getByRole('status', { name: '编辑器状态' })).toContainText('已添加 camera-1。');
    await expectNoMessageKeys(page, untranslatedKey);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('pipelines-zh-canvas') });

    await toolbar.getByRole('button', { name: '保存版本' }).click();
    await expect(page.getByRole('status', { name: '编辑器状态' })).toContainText('已保存版本 2。');
    await page.getByRole('button', { name: '版本', exact: true }).click();
    const revisions = page.getByRole('region', { name: '版本' });
    await expect(revisions.locator('[data-revision]')).toHaveCount(2);
    await expect(revisions.getByRole('button', { name: '比较版本 1 与版本 2' })).toBeVisible();
    await expectNoMessageKeys(page, untranslatedKey);
    await page.screenshot({ path: screenshotPath('pipelines-zh-revisions') });

    await page.goto('/workflows');
    await expect(page.getByRole('heading', { level: 1, name: '工作流' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '工作流类型' }).getByRole('link', { name: '全部' })).toBeVisible();
    await expectNoMessageKeys(page, untranslatedKey);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('workflows-zh'), fullPage: true });

    await page.getByLabel('语言').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Workflows' })).toBeVisible();
  } finally {
    await restoreEnglish(page);
  }
  expect(consoleErrors).toEqual([]);
});
