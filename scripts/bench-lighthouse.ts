// Lighthouse mobile (lighthouse 12, default mobile emulation and simulated throttling), median of
// three runs, for the sign-in page, the dashboard, the quick log and the new-effort form against
// `next start`. The signed-in pages are the demo workspace's (scripts/seed.ts: ten months of history),
// so the dashboard is measured full, not empty; LIGHTHOUSE_EMPTY=1 measures a new account instead.
// Usage: npm run bench:lighthouse (after a build; NEXT_DIST_DIR selects it).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { stopServer, waitForServer } from './local-server';

const port = Number(process.env.BENCH_PORT ?? 3192);
const base = `http://localhost:${port}`;
const chrome = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groundwork-lighthouse-'));
const demo = !process.env.LIGHTHOUSE_EMPTY;
// The seed opens the embedded database and closes it before the server opens the same folder.
if (demo) execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts'], { env: { ...process.env, GROUNDWORK_DATA_DIR: dataDir }, stdio: 'ignore' });
const server = spawn('npx', ['next', 'start', '-p', String(port)], {
  env: { ...process.env, GROUNDWORK_DATA_DIR: dataDir, NODE_ENV: 'production' },
  stdio: 'ignore',
  detached: true,
});
try {
  await waitForServer(`${base}/signin`);
  const browser = await chromium.launch({ executablePath: chrome });
  const page = await browser.newPage();
  if (demo) {
    await page.goto(`${base}/signin`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill('demo@groundwork.example');
    await form.getByLabel('Password').fill('groundwork demo 2026');
    await form.getByRole('button', { name: 'Sign in' }).click();
  } else {
    await page.goto(`${base}/signup`);
    await page.getByLabel('Name').fill('Lighthouse Check');
    await page.getByLabel('Email').fill(`lh-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('measuring the mobile experience');
    await page.getByRole('button', { name: 'Create account' }).click();
  }
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  const ws = new URL(page.url()).pathname;
  const cookies = await page.context().cookies();
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await browser.close();
  const headersFile = path.join(dataDir, 'headers.json');
  writeFileSync(headersFile, JSON.stringify({ Cookie: cookieHeader }));

  for (const [name, url, signedIn] of [
    ['sign-in', `${base}/signin`, false],
    ['dashboard', `${base}${ws}`, true],
    ['quick log', `${base}${ws}/log`, true],
    ['new effort', `${base}${ws}/efforts/new`, true],
  ] as const) {
    const scores: Record<string, number[]> = { performance: [], accessibility: [], lcp: [], cls: [], tbt: [] };
    for (let i = 0; i < runs; i++) {
      const out = path.join(dataDir, `lh-${i}.json`);
      const args = [
        '-y', 'lighthouse@12', url, '--quiet', '--output=json', `--output-path=${out}`,
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
        ...(signedIn ? [`--extra-headers=${headersFile}`] : []),
      ];
      const lighthouse = () => execFileSync('npx', args, { env: { ...process.env, CHROME_PATH: chrome }, stdio: 'ignore' });
      // Lighthouse now and then loses its browser mid-run; such a run is repeated once, and said so.
      try {
        lighthouse();
      } catch {
        console.log(`${name}: run ${i + 1} failed in Lighthouse itself; repeating it once`);
        lighthouse();
      }
      const report = JSON.parse(readFileSync(out, 'utf8'));
      scores.performance.push(Math.round(report.categories.performance.score * 100));
      scores.accessibility.push(Math.round(report.categories.accessibility.score * 100));
      scores.lcp.push(report.audits['largest-contentful-paint'].numericValue);
      scores.cls.push(report.audits['cumulative-layout-shift'].numericValue);
      scores.tbt.push(report.audits['total-blocking-time'].numericValue);
    }
    console.log(
      `${name}: performance ${median(scores.performance)}, accessibility ${median(scores.accessibility)}, ` +
        `LCP ${(median(scores.lcp) / 1000).toFixed(2)} s, CLS ${median(scores.cls).toFixed(3)}, TBT ${Math.round(median(scores.tbt))} ms ` +
        `(median of ${runs}; performance runs ${scores.performance.join('/')})`,
    );
  }
} finally {
  await stopServer(server, dataDir);
}
