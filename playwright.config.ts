import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { adminCredentials } from './e2e/test-credentials';

const port = 3210;
const baseURL = `http://127.0.0.1:${port}`;

// Every run starts from an empty platform. Workers load this file again but inherit the
// environment, so the directory is created once, by the runner, and reused by them.
process.env.VIGIL_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
const dataDir = process.env.VIGIL_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  // One platform instance with one database: tests that log in and out must not interleave.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL,
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: `playwright install` cannot download a browser on this offline machine.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'bash scripts/start.sh',
    url: `${baseURL}/api/v1/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // start.sh stops Temporal, the web app and the worker together on SIGTERM; SIGKILL would orphan them.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      VIGIL_DATA_DIR: dataDir,
      VIGIL_PORT: String(port),
      // Media and websocket ports of their own, so a platform already running on this box does not collide.
      VIGIL_RTMP_PORT: '31945',
      VIGIL_FLV_PORT: '30090',
      VIGIL_MEDIA_STATUS_PORT: '30091',
      VIGIL_WS_ALIAS_PORT: '5210',
      TEMPORAL_ADDRESS: '127.0.0.1:7310',
      TEMPORAL_UI_PORT: '8310',
      VIGIL_ADMIN_USERNAME: adminCredentials.username,
      VIGIL_ADMIN_PASSWORD: adminCredentials.password,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
