// Shipped JavaScript per route: the compressed bytes of every script a real Chromium downloads on
// a cold load, against the app's own not-found page in the same build (the framework's floor).
// Fails (exit 1) when a route exceeds BUDGET × floor. Usage: npm run bench:js (after a build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const BUDGET = Number(process.env.JS_BUDGET ?? 1.25);
const port = Number(process.env.BENCH_PORT ?? 3191);
const base = `http://localhost:${port}`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

/** Sum of encoded (compressed) body bytes of script responses during one cold load. */
async function scriptBytes(page: Page, url: string): Promise<{ bytes: number; scripts: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scriptRequests = new Map<string, string>();
  const seen = new Set<string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scriptRequests.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const scriptUrl = scriptRequests.get(e.requestId);
    if (!scriptUrl || seen.has(scriptUrl)) return;
    seen.add(scriptUrl);
    // encodedDataLength includes headers; subtract them via the response's own header size is not
    // exposed here, so count body bytes through the dataReceived events instead.
    bytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  return { bytes, scripts: seen.size };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groundwork-jsbudget-'));
const server = spawn('npx', ['next', 'start', '-p', String(port)], {
  env: { ...process.env, GROUNDWORK_DATA_DIR: dataDir, NODE_ENV: 'production' },
  stdio: 'ignore',
  detached: true,
});
let failed = false;
try {
  await waitFor(`${base}/signin`);
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  // A cold load: the service worker would otherwise answer scripts from its cache and hide their bytes.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // A signed-in user for the private routes.
  await page.goto(`${base}/signup`);
  await page.getByLabel('Name').fill('Budget Check');
  await page.getByLabel('Email').fill(`budget-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('measuring shipped bytes');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  const ws = new URL(page.url()).pathname;

  const floor = await scriptBytes(await context.newPage(), `${base}/this-page-does-not-exist`);
  const routes: Array<[string, string, boolean]> = [
    ['sign-in', `${base}/signin`, false],
    ['dashboard', `${base}${ws}`, true],
    ['quick log', `${base}${ws}/log`, true],
    ['they reached out', `${base}${ws}/log/reached-out`, true],
    ['contacts list', `${base}${ws}/contacts`, true],
    ['roster', `${base}/roster`, true],
    ['weekly goals', `${base}${ws}/goals`, true],
  ];
  console.log(`floor (not-found page): ${(floor.bytes / 1024).toFixed(1)} kB in ${floor.scripts} scripts`);
  for (const [name, url, signedIn] of routes) {
    const ctx = signedIn ? context : await browser.newContext();
    const measured = await scriptBytes(await ctx.newPage(), url);
    const ratio = measured.bytes / floor.bytes;
    const ok = ratio <= BUDGET;
    if (!ok) failed = true;
    console.log(`${name}: ${(measured.bytes / 1024).toFixed(1)} kB in ${measured.scripts} scripts = ${ratio.toFixed(2)}× floor ${ok ? 'ok' : `OVER the ${BUDGET}× budget`}`);
  }
  await browser.close();
} finally {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // gone
  }
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
