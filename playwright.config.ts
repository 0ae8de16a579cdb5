import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Computed once and passed through the environment: the config is loaded again in every worker.
process.env.E2E_PORT ??= '3100';
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'groundwork-e2e-'));
process.env.NEXT_DIST_DIR ??= '.next-test';
const port = Number(process.env.E2E_PORT);

/** Chromium from the environment, the system package, or Playwright's own download, in that order. */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  return undefined;
}

const executablePath = chromiumPath();
const launchOptions = {
  executablePath,
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.test-results/playwright.json' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    // A run on a given day in a given zone (GROUNDWORK_CLOCK, TZ) puts the browser in that zone too.
    ...(process.env.TZ ? { timezoneId: process.env.TZ } : {}),
    // CI keeps no trace: recording one screenshots every step, and nobody opens it there.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'phone',
      // A phone's viewport, touch and user agent; painted at one pixel per point, which tests cannot see.
      use: { ...devices['Pixel 7'], deviceScaleFactor: 1, launchOptions },
      // Response headers, escaping of hostile input and CSV files are the same whatever the screen;
      // those specs run once, on the desktop. So do the forms without a script: they post the same HTML
      // whatever the viewport, and the phone run of the quick paths covers posting on a phone.
      testIgnore: /(headers|hostile|data|no-script)\.spec\.ts$/,
    },
  ],
  webServer: {
    command: process.env.E2E_SKIP_BUILD
      ? `npx next start -H 127.0.0.1 -p ${port}`
      : `npx next build && npx next start -H 127.0.0.1 -p ${port}`,
    // Ready once the database is open and migrated, so the first test does not pay for it.
    url: `http://localhost:${port}/api/health/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      GROUNDWORK_DATA_DIR: process.env.E2E_DATA_DIR,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      // The fixtures play the one proxy in front of the app, giving each test its own address.
      TRUSTED_PROXY_HOPS: '1',
      // Mail goes to the outbox page, where specs read invitation and reset links.
      GROUNDWORK_DEV_OUTBOX: '1',
      // Links in e-mails point at the server under test.
      APP_URL: `http://localhost:${port}`,
      // The scheduled-reminders route answers only with this secret.
      CRON_SECRET: process.env.CRON_SECRET ?? 'e2e-cron-secret',
    },
  },
});
