// Shipped JavaScript per route: the compressed bytes of every script a real Chromium downloads on
// a cold load, against the app's own not-found page in the same build (the framework's floor).
// Every page route of the build is measured, read from the build's own route manifest, signed in
// where the page needs it and with a record of each kind to show. Fails (exit 1) when a route
// exceeds BUDGET × floor, or when the build has a route this check does not know how to fill in.
// Usage: npm run bench:js (after a build; NEXT_DIST_DIR picks the build folder). JS_BUDGET_JSON=file
// also writes the figures as JSON.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { stopServer, waitForServer } from './local-server';

const BUDGET = Number(process.env.JS_BUDGET ?? 1.25);
const port = Number(process.env.BENCH_PORT ?? 3191);
const base = `http://localhost:${port}`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const distDir = process.env.NEXT_DIST_DIR || '.next';

/** Every page route of the build, e.g. "/w/[workspaceId]/efforts/[effortId]" (route groups removed). */
function pageRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const routes = Object.entries(manifest)
    .filter(([entry]) => entry.endsWith('/page') && !entry.startsWith('/_'))
    .map(([, route]) => route);
  return [...new Set(routes)].sort();
}

/** Sum of encoded (compressed) bytes of script responses during one cold load. */
async function scriptBytes(page: Page, url: string): Promise<{ bytes: number; scripts: number; landed: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scriptRequests = new Map<string, string>();
  const seen = new Set<string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (e) => {
    // One file per path: the deployment query (?dpl=) differs when the server's commit is not the build's.
    if (e.type === 'Script') scriptRequests.set(e.requestId, e.response.url.split('?')[0]);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const scriptUrl = scriptRequests.get(e.requestId);
    if (!scriptUrl || seen.has(scriptUrl)) return;
    seen.add(scriptUrl);
    bytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  const landed = new URL(page.url()).pathname;
  await page.close();
  return { bytes, scripts: seen.size, landed };
}

/** Creates one record of each kind through the app's own forms and returns the route parameters. */
async function createRecords(page: Page): Promise<Record<string, string>> {
  // Sign-up hashes a password and the first requests compile nothing but warm caches: allow a busy machine.
  page.setDefaultTimeout(120_000);
  await page.goto(`${base}/signup`);
  const signup = page.getByRole('form', { name: 'Create your account' });
  await signup.getByLabel('Name').fill('Budget Check');
  await signup.getByLabel('Email').fill(`budget-${Date.now()}@example.com`);
  await signup.getByLabel('Password').fill('measuring shipped bytes');
  await signup.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  const workspaceId = new URL(page.url()).pathname.split('/')[2];
  const ws = `${base}/w/${workspaceId}`;

  /** Fills the new-record form at `${ws}/<kind>/new`, sends it and returns the id it lands on. */
  const create = async (kind: string, form: string, button: string, fill: (form: Locator) => Promise<void>) => {
    await page.goto(`${ws}/${kind}/new`);
    const f = page.getByRole('form', { name: form });
    await fill(f);
    await f.getByRole('button', { name: button }).click();
    await page.waitForURL(new RegExp(`/${kind}/[0-9a-f-]{36}$`));
    return new URL(page.url()).pathname.split('/').pop()!;
  };
  const contactId = await create('contacts', 'Add contact', 'Add contact', (f) => f.getByLabel('Name').fill('Priya Natarajan'));
  const effortId = await create('efforts', 'Log an effort', 'Log effort', async (f) => {
    await f.getByLabel('Channel').selectOption({ label: 'Informational interviews' });
    await f.getByLabel('Title').fill('Coffee with a biotech editor');
    await f.getByLabel('Hours', { exact: true }).fill('1');
  });
  const opportunityId = await create('opportunities', 'New opportunity', 'Create opportunity', (f) => f.getByLabel('Title').fill('Launch copy for a lab'));

  // Link pages (invitations, resets, confirmations) render their "this link is not valid" state
  // for an unknown token: the same page and the same scripts as with a live one.
  return { workspaceId, contactId, effortId, opportunityId, token: 'a-link-that-was-never-sent' };
}

function fill(route: string, params: Record<string, string>): string | null {
  let missing = false;
  const url = route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    if (!(name in params)) missing = true;
    return params[name] ?? '';
  });
  return missing ? null : url;
}

interface Row {
  route: string;
  url: string;
  signedIn: boolean;
  landed: string;
  kB: number;
  scripts: number;
  ratio: number;
  ok: boolean;
}

async function measure(browser: Browser, signedIn: BrowserContext, route: string, url: string): Promise<Row> {
  // Signed in first; a page that sends a signed-in person elsewhere (sign-in, sign-up) is measured signed out.
  let used = signedIn;
  let m = await scriptBytes(await signedIn.newPage(), `${base}${url}`);
  let anonymous: BrowserContext | null = null;
  if (m.landed !== url) {
    anonymous = await browser.newContext({ serviceWorkers: 'block' });
    used = anonymous;
    m = await scriptBytes(await anonymous.newPage(), `${base}${url}`);
  }
  await anonymous?.close();
  return { route, url, signedIn: used === signedIn, landed: m.landed, kB: m.bytes / 1024, scripts: m.scripts, ratio: 0, ok: true };
}

const routes = pageRoutes();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groundwork-jsbudget-'));
// Loopback only: the development outbox page is part of the build and is measured too.
const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
  env: { ...process.env, GROUNDWORK_DATA_DIR: dataDir, NODE_ENV: 'production', GROUNDWORK_DEV_OUTBOX: '1', AUTH_TRUST_HOST: 'true' },
  stdio: 'ignore',
  detached: true,
});
let failed = false;
try {
  await waitForServer(`${base}/signin`);
  const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  // A cold load: the service worker would otherwise answer scripts from its cache and hide their bytes.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const params = await createRecords(await context.newPage());

  const floor = await scriptBytes(await context.newPage(), `${base}/this-page-does-not-exist`);
  const floorKB = floor.bytes / 1024;
  console.log(`floor (not-found page): ${floorKB.toFixed(1)} kB in ${floor.scripts} scripts; ${routes.length} page routes in ${distDir}`);
  const rows: Row[] = [];
  for (const route of routes) {
    const url = fill(route, params);
    if (!url) {
      failed = true;
      console.log(`${route}: no record to show for its parameters: teach js-budget.ts to create one`);
      continue;
    }
    const row = await measure(browser, context, route, url);
    row.ratio = row.kB / floorKB;
    row.ok = row.ratio <= BUDGET;
    if (!row.ok) failed = true;
    rows.push(row);
    const where = row.landed === url ? '' : ` (landed on ${row.landed})`;
    console.log(
      `${route}${row.signedIn ? '' : ' [signed out]'}: ${row.kB.toFixed(1)} kB in ${row.scripts} scripts = ${row.ratio.toFixed(2)}× floor${where} ${row.ok ? 'ok' : `OVER the ${BUDGET}× budget`}`,
    );
  }
  if (process.env.JS_BUDGET_JSON) writeFileSync(process.env.JS_BUDGET_JSON, JSON.stringify({ floorKB, budget: BUDGET, rows }, null, 2));
  await browser.close();
} finally {
  await stopServer(server, dataDir);
}
process.exit(failed ? 1 : 0);
