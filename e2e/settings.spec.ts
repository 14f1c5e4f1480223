import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, expectNoSeriousViolations } from './fixtures/console-checks';
import { logInAsAdmin, logInThroughForm, screenshotPath } from './support';

/** The sidebar's language select (labelled 'Language' / '语言'): stored on the user, so every spec must switch back. */
async function switchLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.getByRole('region', { name: /Signed-in user|当前用户/ }).getByRole('combobox').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;

test.describe('settings', () => {
  test('retention days are saved and still there after a reload', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await logInAsAdmin(page);
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const days = page.getByLabel('Keep alarms and snapshots (days)');
    const original = await days.inputValue();
    const changed = original === '45' ? '46' : '45';
    await days.fill(changed);
    await page.getByRole('button', { name: 'Save retention' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Retention saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Keep alarms and snapshots (days)')).toHaveValue(changed);
    const stored = (await (await page.request.get('/api/v1/settings')).json()) as { retentionDays: number };
    expect(stored.retentionDays).toBe(Number(changed));
    await page.screenshot({ path: screenshotPath('settings-retention-saved'), fullPage: true });

    // A value the API refuses is explained, and nothing is stored (the field's own limits are bypassed to reach the API).
    await page.getByLabel('Keep alarms and snapshots (days)').evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
    await page.getByLabel('Keep alarms and snapshots (days)').fill('99999');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'retentionDays' })).toBeVisible();
    expect(((await (await page.request.get('/api/v1/settings')).json()) as { retentionDays: number }).retentionDays).toBe(Number(changed));
    // The one failed PATCH is the only console error (the browser reports the 400 response).
    expect(errors).toEqual([expect.stringMatching(/status of 400/)]);
  });

  test('a new callback target shows its signing secret once, with a copy button; rotation shows a new one', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await logInAsAdmin(page);
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Callback targets' });
    const name = `Receiver ${unique()}`;
    await section.getByLabel('Name').fill(name);
    await section.getByLabel('URL').fill('https://receiver.example/alarms');
    await section.getByRole('button', { name: 'Create target' }).click();
    const secretBox = section.getByRole('region', { name: `Signing secret of ${name}` });
    await expect(secretBox).toBeVisible();
    const secret = await secretBox.getByLabel('Secret value').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(20);
    await expect(secretBox.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(section.getByRole('row').filter({ hasText: name })).toContainText('https://receiver.example/alarms');
    await page.screenshot({ path: screenshotPath('settings-callback-secret-once'), fullPage: true });

    // Never again: not after dismissing, not after a reload, not in the API.
    await secretBox.getByRole('button', { name: 'I have stored it' }).click();
    await expect(secretBox).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    expect(await (await page.request.get('/api/v1/callback-targets')).text()).not.toContain(secret);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Rotate secret of ${name}` }).click();
    const rotated = page.getByRole('region', { name: `Signing secret of ${name}` }).getByLabel('Secret value');
    await expect(rotated).toBeVisible();
    expect(await rotated.inputValue()).not.toBe(secret);
    expect(errors).toEqual([]);
  });

  test('an API token is shown once, works as a bearer token, and gives 401 once revoked', async ({ page, request }) => {
    const errors = collectConsoleErrors(page);
    await logInAsAdmin(page);
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'API tokens' });
    const name = `e2e token ${unique()}`;
    await section.getByLabel('Name').fill(name);
    await section.getByLabel('Role').selectOption('viewer');
    await section.getByRole('button', { name: 'Create token' }).click();
    const token = await section.getByRole('region', { name: `API token ${name}` }).getByLabel('Secret value').inputValue();
    expect(token).toMatch(/^vgt_/);
    await expect(section.getByRole('row').filter({ hasText: name })).toContainText('Viewer');
    await page.screenshot({ path: screenshotPath('settings-token-once'), fullPage: true });

    // `request` is a separate client without the browser's cookies: only the token authenticates it.
    const me = await request.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { via: string }).via).toBe('token');

    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
    expect((await request.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
    expect(errors).toEqual([]);
  });

  test('an admin adds a user, who logs in in another browser context and sees the settings read-only', async ({ page, browser }) => {
    const errors = collectConsoleErrors(page);
    await logInAsAdmin(page);
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Users' });
    const user = { username: `e2e-user-${unique()}`, password: 'e2e-user-Passw0rd' };
    await section.getByLabel('Username').fill(user.username);
    await section.getByLabel('Password (at least 10 characters)').fill(user.password);
    await section.getByLabel('Role', { exact: true }).selectOption('operator');
    await section.getByRole('button', { name: 'Create user' }).click();
    await expect(section.getByRole('status').filter({ hasText: `User ${user.username} created.` })).toBeVisible();
    await expect(section.getByLabel(`Role of ${user.username}`)).toHaveValue('operator');

    // Demote to viewer through the row's select; the change is stored.
    await section.getByLabel(`Role of ${user.username}`).selectOption('viewer');
    await expect.poll(async () => ((await (await page.request.get('/api/v1/users')).json()) as { items: { username: string; role: string }[] }).items.find((item) => item.username === user.username)?.role).toBe('viewer');

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const otherErrors = collectConsoleErrors(otherPage);
    await otherPage.goto('/login');
    await logInThroughForm(otherPage, user);
    await expect(otherPage).toHaveURL(/\/dashboard$/);
    await otherPage.goto('/settings');
    await expect(otherPage.getByText('Only administrators can change these settings; you see them read-only.')).toBeVisible();
    await expect(otherPage.getByLabel('Keep alarms and snapshots (days)')).toBeDisabled();
    await expect(otherPage.getByRole('region', { name: 'Users' })).toHaveCount(0);
    await otherPage.screenshot({ path: screenshotPath('settings-viewer-read-only'), fullPage: true });
    expect(otherErrors).toEqual([]);
    await other.close();

    // Disabled users cannot log in any more.
    await section.getByRole('button', { name: `Disable ${user.username}` }).click();
    await expect(section.getByRole('button', { name: `Enable ${user.username}` })).toBeVisible();
    const refused = await page.request.post('/api/v1/auth/login', { data: user });
    expect(refused.status()).toBe(401);
    await page.screenshot({ path: screenshotPath('settings-users'), fullPage: true });
    expect(errors).toEqual([]);
  });

  test('no serious accessibility violations in English and in Chinese; dates and labels follow the language', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await logInAsAdmin(page);
    await page.goto('/settings');
    await expect(page.getByRole('region', { name: 'Users' }).getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, 'settings (en)');
    try {
      await switchLanguage(page, 'zh-CN');
      await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
      await expect(page.getByLabel('告警与快照保留天数')).toBeVisible();
      await expect(page.getByRole('region', { name: '用户' }).getByRole('table')).toBeVisible();
      await expect(page.getByRole('region', { name: '语言' })).toContainText('简体中文');
      await expectNoSeriousViolations(page, 'settings (zh-CN)');
      await page.screenshot({ path: screenshotPath('settings-zh-CN'), fullPage: true });
    } finally {
      await switchLanguage(page, 'en');
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
