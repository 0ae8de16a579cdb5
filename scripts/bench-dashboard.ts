// Benchmark of the dashboard: the document's weight for the ten-month demo workspace, then data
// load (the SQL aggregates), the page's server response and its throughput against the account
// page, at 10k and 100k efforts on a PostgreSQL server. Prints what it measured, writes nothing else.
// Usage: npm run bench:dashboard   (BENCH_DATABASE_URL, default the local server)
//   BENCH_SIZES=100000         workspace sizes, in efforts (default 10000,100000; empty: none)
//   BENCH_VIEW_CACHE=on        measure with views kept in memory (on), every view read (off), or both (default)
//   BENCH_BUILDS=.next-a,.next-b   measure each of these builds in turn, in the same run (default NEXT_DIST_DIR or .next)
//   BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_RUNS   load duration, concurrency, sequential runs
//   BENCH_ROUNDS=5             repeat the throughput loads, and report the median dashboard ÷ account ratio
//   BENCH_PROFILE=dir          write the server's CPU profile (.cpuprofile) into dir
//   BENCH_DOCUMENT=0           skip the document weight; BENCH_SAVE=dir saves the documents it weighed there;  BENCH_KEEP=1 / BENCH_REUSE=1 keep / reuse databases
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { openDatabase, migrateDatabase, setProcessDatabase } from '@/db';
import { eq } from 'drizzle-orm';
import { memberships, users, workspaces } from '@/db/schema';
import { getChannelTotals, getDashboardSignals, getMonthlyTrend, getOpportunityTouches } from '@/lib/data/dashboard';
import { createUserSession } from '@/lib/data/sessions';
import { addDays, today } from '@/lib/dates';
import { computePayoff } from '@/lib/payoff';
import { scaleFor, seedWorkspace } from './seed-workspace';
import { databaseExists, databaseUrl, dropDatabase, freshDatabase, percentile as pct, sharedInstanceEnv } from './app-harness';
import { waitForServer } from './local-server';

// Seeding a million rows in one statement takes longer than the app's statement timeout.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '900000';
const statementTimeoutMs = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').filter(Boolean).map(Number);
const builds = (process.env.BENCH_BUILDS ?? (process.env.NEXT_DIST_DIR || '.next')).split(',').filter(Boolean);
const viewCaches = (process.env.BENCH_VIEW_CACHE ? [process.env.BENCH_VIEW_CACHE] : ['on', 'off']) as Array<'on' | 'off'>;
const runs = Number(process.env.BENCH_RUNS ?? 40);
const port = Number(process.env.BENCH_PORT ?? 3190);

const ms = (n: number) => `${n.toFixed(1)} ms`;

// BENCH_KEEP=1 keeps each seeded database; BENCH_REUSE=1 measures a kept one again (migrated first).
const reuse = Boolean(process.env.BENCH_REUSE);

async function withDatabase<T>(name: string, fn: (url: string, fresh: boolean) => Promise<T>): Promise<T> {
  const fresh = !(reuse && (await databaseExists(name, serverUrl)));
  if (fresh) await freshDatabase(name, serverUrl);
  try {
    return await fn(databaseUrl(name, serverUrl), fresh);
  } finally {
    if (!process.env.BENCH_KEEP && !reuse) await dropDatabase(name, serverUrl);
  }
}

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

/** Closed-loop load: CONNECTIONS workers request the URL back to back for SECONDS. */
async function load(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          const r = await fetch(url, { headers, redirect: 'manual' });
          await r.arrayBuffer();
          if (r.status >= 500) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { rps: latencies.length / SECONDS, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), errors };
}

/** Runs fn against `next start` on the bench port with env added, then stops the server. */
async function withServer(env: Record<string, string>, fn: () => Promise<void>) {
  // BENCH_PROFILE=dir writes the server's CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer(`http://localhost:${port}/signin`);
    await fn();
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** What a document is made of: its bytes, and how many of them are the React payload inlined for hydration. */
function weigh(html: string) {
  const bytes = Buffer.byteLength(html);
  const inline = [...html.matchAll(/<script\b[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
  return { bytes, inline, kB: (n: number) => `${(n / 1000).toFixed(1)} kB` };
}

/** Signs a session cookie for a user of the database the process has open. */
async function sessionHeaders(userId: string, secret: string): Promise<Record<string, string>> {
  const sid = await createUserSession(userId, 'bench');
  const cookie = await encode({ token: { sub: userId, uid: userId, authTime: Date.now(), sid }, secret, salt: 'authjs.session-token' });
  return { cookie: `authjs.session-token=${cookie}` };
}

/**
 * The React payload a browser fetches when it follows the Dashboard link from another page of the
 * workspace (the router asks only for what changes), as Chromium receives it.
 */
async function navigationPayload(origin: string, cookie: string, from: string, to: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
  try {
    const context = await browser.newContext();
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url: origin }]);
    const page = await context.newPage();
    await page.goto(`${origin}${from}`);
    let bytes = 0;
    const fetched = new Promise<void>((resolve) => {
      void page.route(
        (url) => url.pathname === to,
        async (route) => {
          const headers = route.request().headers();
          if (headers.rsc !== '1' || headers['next-router-prefetch']) return route.continue();
          const response = await route.fetch();
          const body = await response.body();
          bytes = body.length;
          await route.fulfill({ response, body });
          resolve();
        },
      );
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).filter({ visible: true }).click();
    await fetched;
    return bytes;
  } finally {
    await browser.close();
  }
}

/**
 * The document weight of the dashboard for the demo workspace (scripts/seed.ts: ten months of
 * believable history), beside the account page: the HTML of a first load, and the React payload
 * an in-app navigation fetches, from a page outside the workspace and from another workspace page.
 */
async function documentWeight() {
  await withDatabase('groundwork_bench_demo', async (url) => {
    execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts'], { env: { ...process.env, DATABASE_URL: url, DATABASE_DRIVER: 'pg' }, stdio: 'ignore' });
    const handle = await openDatabase({ driver: 'pg', url, statementTimeoutMs });
    setProcessDatabase(handle);
    const [user] = await handle.db.select().from(users).where(eq(users.email, 'demo@groundwork.example')).limit(1);
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.userId, user.id)).limit(1);
    const secret = randomBytes(32).toString('base64url');
    const headers = await sessionHeaders(user.id, secret);
    const ws = membership.workspaceId;
    const origin = `http://localhost:${port}`;
    for (const build of builds) await withServer({ DATABASE_URL: url, ...sharedInstanceEnv(secret, origin), NEXT_DIST_DIR: build }, async () => {
      const which = builds.length > 1 ? ` (build ${build})` : '';
      let saved = 0;
      const get = async (route: string, extra: Record<string, string> = {}) => {
        const r = await fetch(`${origin}${route}`, { headers: { ...headers, ...extra } });
        if (r.status !== 200) throw new Error(`${route} answered ${r.status}`);
        const text = await r.text();
        if (process.env.BENCH_SAVE) writeFileSync(path.join(process.env.BENCH_SAVE, `${path.basename(build)}-${++saved}.${extra.rsc ? 'rsc' : 'html'}`), text);
        return text;
      };
      const dashboard = weigh(await get(`/w/${ws}`));
      const account = weigh(await get('/account'));
      const rscFull = Buffer.byteLength(await get(`/w/${ws}`, { rsc: '1' }));
      const rscPage = await navigationPayload(origin, headers.cookie, `/w/${ws}/efforts`, `/w/${ws}`);
      const opened = weigh(await get(`/w/${ws}?why=volunteering`));
      const lines = [
        `document, demo workspace (ten months)${which}: dashboard ${dashboard.kB(dashboard.bytes)} of HTML (${dashboard.kB(dashboard.inline)} of it the inlined React payload); ` +
          `account page ${account.kB(account.bytes)} (${account.kB(account.inline)}); ratio ${(dashboard.bytes / account.bytes).toFixed(2)}`,
        `document, demo workspace${which}: dashboard with one "Why this grade?" open ${opened.kB(opened.bytes)}`,
        `navigation payload, demo workspace${which}: dashboard from outside the workspace ${dashboard.kB(rscFull)}, from another workspace page ${dashboard.kB(rscPage)}`,
      ];
      for (const line of lines) console.log(line);
      results.push(...lines);
    });
    await handle.close();
  });
}

const results: string[] = [];
if (process.env.BENCH_DOCUMENT !== '0') await documentWeight();
for (const size of sizes) {
  await withDatabase(`groundwork_bench_${size}`, async (url, fresh) => {
    const handle = await openDatabase({ driver: 'pg', url, statementTimeoutMs });
    const m0 = performance.now();
    await migrateDatabase(handle);
    if (!fresh) console.log(`reusing groundwork_bench_${size}, migrated in ${((performance.now() - m0) / 1000).toFixed(1)} s`);
    setProcessDatabase(handle);
    const { db } = handle;
    let user: typeof users.$inferSelect;
    let ws: typeof workspaces.$inferSelect;
    if (fresh) {
      [user] = await db.insert(users).values({ name: 'Bench', email: `bench-${size}@example.com`, passwordHash: 'x', emailVerifiedAt: new Date() }).returning();
      [ws] = await db.insert(workspaces).values({ name: 'Bench', hourlyValue: 50 }).returning();
      await db.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: 'owner' });
      const scale = scaleFor(size);
      const t0 = performance.now();
      await seedWorkspace(db, ws.id, scale);
      console.log(`seeded ${size} efforts, ${scale.contacts} contacts, ${scale.opportunities} opportunities in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else {
      [user] = await db.select().from(users).where(eq(users.email, `bench-${size}@example.com`)).limit(1);
      [ws] = await db.select().from(workspaces).limit(1);
    }

    const ctx = { userId: user.id, workspaceId: ws.id, role: 'owner' as const };
    const now = today();
    for (const [label, from] of [['12 months (the default)', addDays(now, -364)], ['90 days', addDays(now, -89)], ['all time', null]] as const) {
      const period = { from, to: now };
      const times: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const s = performance.now();
        const [totals, touches] = await Promise.all([
          getChannelTotals(ctx, period),
          getOpportunityTouches(ctx, period),
          getMonthlyTrend(ctx, period),
          getDashboardSignals(ctx, period, now),
        ]);
        computePayoff({ hourlyValue: 50, totals, opportunities: touches, model: 'linear' });
        if (i >= 3) times.push(performance.now() - s);
      }
      const line = `data load, ${size} efforts, ${label}: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} (${runs} runs)`;
      console.log(line);
      results.push(line);
    }

    // The page itself: next start on this database, with a session cookie minted for the bench user.
    const secret = randomBytes(32).toString('base64url');
    const headers = await sessionHeaders(user.id, secret);
    const page = `http://localhost:${port}/w/${ws.id}`;
    // Views kept in memory (the default) answer repeat views; with them off every view reads the database.
    for (const build of builds) for (const viewCache of viewCaches) {
      const env = { DATABASE_URL: url, ...sharedInstanceEnv(secret, `http://localhost:${port}`), GROUNDWORK_VIEW_CACHE: viewCache, NEXT_DIST_DIR: build };
      const which = `${builds.length > 1 ? `build ${build}, ` : ''}view cache ${viewCache}`;
      await withServer(env, async () => {
        const times: number[] = [];
        let html = '';
        for (let i = 0; i < runs + 3; i++) {
          const s = performance.now();
          const r = await fetch(page, { headers, redirect: 'manual' });
          html = await r.text();
          if (r.status !== 200) throw new Error(`dashboard answered ${r.status}`);
          if (i >= 3) times.push(performance.now() - s);
        }
        const doc = weigh(html);
        const line =
          `page response, ${size} efforts, 12 months, ${which}: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} (${runs} runs); ` +
          `document ${doc.kB(doc.bytes)} (${doc.kB(doc.inline)} inlined React payload)`;
        console.log(line);
        results.push(line);

        // Throughput under concurrency: the dashboard, then the app's own not-found page right after.
        // The account page, the smallest signed-in page, shows what the sign-in and membership
        // checks and the navigation cost before any dashboard content.
        // BENCH_ROUNDS repeats the three loads in turn: on a shared host the speed drifts over a
        // minute, so each round's ratio is taken within seconds and the median of the rounds is kept.
        const ratios: number[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          const dash = await load(page, headers);
          const floor = await load(`http://localhost:${port}/no-such-page`, headers);
          const account = await load(`http://localhost:${port}/account`, headers);
          ratios.push(dash.rps / account.rps);
          const tline =
            `throughput, ${size} efforts, ${which}, ${CONNECTIONS} connections, ${SECONDS} s${ROUNDS > 1 ? `, round ${round} of ${ROUNDS}` : ''}: dashboard ${dash.rps.toFixed(1)} req/s ` +
            `(p50 ${ms(dash.p50)}, p95 ${ms(dash.p95)}, p99 ${ms(dash.p99)}, ${dash.errors} errors); not-found page ${floor.rps.toFixed(1)} req/s ` +
            `(p95 ${ms(floor.p95)}); ratio ${(dash.rps / floor.rps).toFixed(2)}; account page ${account.rps.toFixed(1)} req/s ` +
            `(p50 ${ms(account.p50)}, p95 ${ms(account.p95)}, p99 ${ms(account.p99)}, ${account.errors} errors), ratio ${(account.rps / floor.rps).toFixed(2)}; ` +
            `dashboard ÷ account page ${(dash.rps / account.rps).toFixed(2)}`;
          console.log(tline);
          results.push(tline);
        }
        if (ROUNDS > 1) {
          const line = `throughput, ${size} efforts, ${which}: dashboard ÷ account page, median of ${ROUNDS} rounds ${pct(ratios, 50).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`;
          console.log(line);
          results.push(line);
        }
      });
    }
    await handle.close();
    await new Promise((r) => setTimeout(r, 500));
  });
}
console.log('\nSummary');
for (const line of results) console.log(`  ${line}`);
