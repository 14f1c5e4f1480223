import { expect, test } from '@playwright/test';
import { logInAsAdmin, logInThroughForm, screenshotPath } from './support';
import { adminCredentials } from './test-credentials';

test('the console switches to 中文, remembers it for the user across logins, and switches back', async ({ page, browser }) => {
  await logInAsAdmin(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const zhNav = page.getByRole('navigation', { name: '主导航' });
  await expect(zhNav.getByRole('link', { name: '总览', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  await expect(page.getByRole('region', { name: '当前用户' })).toContainText('管理员');
  await page.screenshot({ path: screenshotPath('language-zh-dashboard'), fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();

  // Stored on the user, not only in this browser: a fresh context logs in and gets Chinese after login.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/login');
  await expect(otherPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await logInThroughForm(otherPage, adminCredentials);
  await expect(otherPage.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  await other.close();

  // Logging out keeps the language for the login page (cookie), whose labels are then Chinese.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
  await page.screenshot({ path: screenshotPath('language-zh-login') });
  await page.getByLabel('用户名').fill(adminCredentials.username);
  await page.getByLabel('密码').fill(adminCredentials.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();

  // Back to English for the specs that follow (they share this platform's database).
  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
