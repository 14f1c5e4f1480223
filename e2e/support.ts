import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { adminCredentials } from './test-credentials';

/** Screenshots go to e2e-screenshots/ at the repo root, kept across runs for people to look at. */
export function screenshotPath(name: string): string {
  const path = fileURLToPath(new URL(`../e2e-screenshots/${name}.png`, import.meta.url));
  // The folder is git-ignored: a fresh clone does not have it, whichever spec runs first.
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

export async function logInThroughForm(page: Page, credentials: { username: string; password: string } = adminCredentials): Promise<void> {
  await page.getByLabel('Username').fill(credentials.username);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await logInThroughForm(page);
  await expect(page).toHaveURL(/\/dashboard$/);
}
