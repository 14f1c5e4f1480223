import { expect, test } from '@playwright/test';
import { logInAsAdmin, logInThroughForm, screenshotPath } from './support';
import { adminCredentials } from './test-credentials';

// Listed here rather than imported from the app, so that a section dropped from the nav fails the test.
const sections = [
  { label: 'Dashboard', href: '/dashboard' },
  { label: 'Live view', href: '/live' },
  { label: 'Pipelines', href: '/pipelines' },
  { label: 'Cameras', href: '/cameras' },
  { label: 'Algorithms', href: '/algorithms' },
  { label: 'Alarms', href: '/alarms' },
  { label: 'Training', href: '/training' },
  { label: 'Workflows', href: '/workflows' },
  { label: 'Settings', href: '/settings' },
];

// proxy.ts forwards the requested path, so the login page knows where to go back to.
test('a console page visited without a session redirects to login', async ({ page }) => {
  await page.goto('/cameras');
  await expect(page).toHaveURL(/\/login\?next=%2Fcameras$/);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});

test('logging in with ?next= goes to that page', async ({ page }) => {
  await page.goto('/login?next=%2Falarms');
  await logInThroughForm(page);
  await expect(page).toHaveURL(/\/alarms$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Alarms' })).toBeVisible();
});

test('an off-site ?next= is ignored after login', async ({ page, baseURL }) => {
  await page.goto('/login?next=%2F%2Fexample.com%2F');
  await logInThroughForm(page);
  await expect(page).toHaveURL(`${baseURL}/dashboard`);
});

test('a wrong password shows the error message from the API', async ({ page }) => {
  await page.goto('/login');
  await logInThroughForm(page, { username: adminCredentials.username, password: 'not-the-password' });
  // Filtered because Next.js adds its own (empty) role=alert route announcer to every page.
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await page.screenshot({ path: screenshotPath('login-wrong-password') });
});

test('the admin logs in, lands on the dashboard and sees every console section', async ({ page }) => {
  await logInAsAdmin(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of sections) {
    await expect(nav.getByRole('link', { name: section.label, exact: true })).toHaveAttribute('href', section.href);
  }
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  const userPanel = page.getByRole('region', { name: 'Signed-in user' });
  await expect(userPanel).toContainText(adminCredentials.username);
  await expect(userPanel).toContainText('Administrator');
  await page.screenshot({ path: screenshotPath('console-dashboard'), fullPage: true });

  await nav.getByRole('link', { name: 'Cameras' }).click();
  await expect(page).toHaveURL(/\/cameras$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cameras' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Cameras' })).toHaveAttribute('aria-current', 'page');
});

test('logging out returns to login and the console is closed again', async ({ page }) => {
  await logInAsAdmin(page);
  const sessionCookie = (await page.context().cookies()).find((cookie) => cookie.name === 'vigil_session');
  expect(sessionCookie?.value).toBeTruthy();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The session must be revoked on the server, not only forgotten by the browser: replay the old cookie.
  const replay = await page.request.get('/api/v1/auth/me', { headers: { cookie: `vigil_session=${sessionCookie?.value}` } });
  expect(replay.status()).toBe(401);
  await page.goto('/pipelines');
  await expect(page).toHaveURL(/\/login\?next=%2Fpipelines$/);
});
