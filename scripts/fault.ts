// Fault run: the app on a fresh PostgreSQL database, reached through a TCP proxy this script
// controls. While a signed-in user works, the database connections are killed repeatedly, then the
// database becomes unreachable (connections reset, then a black hole), then it comes back.
// Checks: the user sees the app's own error page or form error (no stack, no SQL), no quick log is
// half written, every acknowledged write is stored, and the app recovers without a restart.
//
// Usage: npm run build && npm run fault
//   NEXT_DIST_DIR (.next), FAULT_PORT (3192), FAULT_PROXY_PORT (6543),
//   LOAD_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), LOAD_KEEP=1 keeps the database.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { eq, like, sql } from 'drizzle-orm';
import pg from 'pg';
import { contacts, efforts } from '@/db/schema';
import {
  actionOutcome,
  COOKIE_NAME,
  createUsers,
  freshDatabase,
  leaks,
  newSecret,
  openMigrated,
  recordAction,
  replayRequest,
  SERVER_URL,
  startApp,
  type RecordedAction,
  type RunningApp,
  type TestUser,
} from './app-harness';

const port = Number(process.env.FAULT_PORT ?? 3192);
const proxyPort = Number(process.env.FAULT_PROXY_PORT ?? 6543);
const ERROR_PAGE_TEXT = 'Something went wrong';
const FORM_ERROR_TEXT = 'Something went wrong. Check your connection and try again.';

/** A TCP proxy to the database that can pass traffic, reset every connection, or swallow it. */
class DbProxy {
  mode: 'up' | 'reset' | 'blackhole' = 'up';
  private sockets = new Set<net.Socket>();
  private server = net.createServer((client) => this.accept(client));
  constructor(private target: { host: string; port: number }) {}

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: net.Socket) {
    this.track(client);
    if (this.mode === 'reset') return void client.resetAndDestroy();
    if (this.mode === 'blackhole') return; // held open, never answered: the pool's connect timeout must fire
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Drops every open connection and treats new ones as the mode says. */
  set(mode: 'up' | 'reset' | 'blackhole') {
    this.mode = mode;
    if (mode !== 'up') for (const s of this.sockets) s.destroy();
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const results: { check: string; ok: boolean; detail: string }[] = [];
function record(check: string, ok: boolean, detail: string) {
  results.push({ check, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${check}: ${detail}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether an element shows up within the time (isVisible alone does not wait). */
function appears(locator: import('@playwright/test').Locator, timeout: number): Promise<boolean> {
  return locator
    .first()
    .waitFor({ state: 'visible', timeout })
    .then(() => true)
    .catch(() => false);
}

async function getDashboard(app: RunningApp, user: TestUser) {
  const started = performance.now();
  try {
    const r = await fetch(`${app.baseUrl}/w/${user.workspaceId}`, {
      headers: { cookie: `${COOKIE_NAME}=${user.cookie}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return { status: r.status, text: await r.text(), ms: performance.now() - started };
  } catch (err) {
    return { status: 0, text: String(err), ms: performance.now() - started };
  }
}

/** Polls the dashboard until it answers 200 again; how long that took. */
async function untilDashboard(app: RunningApp, user: TestUser): Promise<{ ok: boolean; detail: string }> {
  const upAt = performance.now();
  let last = await getDashboard(app, user);
  while (last.status !== 200 && performance.now() - upAt < 60_000) {
    await sleep(250);
    last = await getDashboard(app, user);
  }
  return { ok: last.status === 200, detail: `dashboard HTTP ${last.status} ${((performance.now() - upAt) / 1000).toFixed(1)} s after the database came back` };
}

/** Fires quick logs until stopped; returns what the server acknowledged and what it answered. */
function writeStorm(app: RunningApp, recorded: RecordedAction, recorder: TestUser, user: TestUser, tag: string, from: string) {
  let running = true;
  const acknowledged: string[] = [];
  const statuses = new Map<string, number>();
  const bodies: string[] = [];
  let n = 0;
  const worker = async () => {
    while (running) {
      n += 1;
      const title = `Fault log ${tag} ${n}`;
      const { url, init } = replayRequest(recorded, recorder, user, from, title, app.baseUrl);
      try {
        const r = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
        const text = await r.text();
        const outcome = actionOutcome(r.status, text);
        if (outcome.ok) acknowledged.push(title);
        const key = outcome.ok ? 'ok' : `HTTP ${r.status}${r.status === 200 ? ' (refused)' : ''}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (!outcome.ok) bodies.push(text);
      } catch (err) {
        const key = `network: ${(err as Error).name}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return { acknowledged, statuses, bodies, attempts: n };
    },
  };
}

const db = await freshDatabase(`groundwork_fault_${Date.now()}`);
const handle = await openMigrated(db.url);
const proxy = new DbProxy({ host: new URL(SERVER_URL).hostname, port: Number(new URL(SERVER_URL).port || 5432) });
await proxy.listen(proxyPort);
const viaProxy = new URL(db.url);
viaProxy.host = `127.0.0.1:${proxyPort}`;
const secret = newSecret();
const app = await startApp({
  port,
  databaseUrl: viaProxy.toString(),
  secret,
  // Short bounds, so a black-holed database fails a request in seconds rather than hanging it.
  env: { DATABASE_CONNECT_TIMEOUT_MS: '3000', DATABASE_STATEMENT_TIMEOUT_MS: '5000' },
});
const admin = new pg.Client({ connectionString: SERVER_URL });
await admin.connect();
const dbName = new URL(db.url).pathname.slice(1);
let exitCode = 0;

try {
  const [recorder, user] = await createUsers(handle, 2, secret, 'fault');
  const RECORDED_TITLE = 'Recorded fault log';
  const recorded = await recordAction(app, recorder, `/w/${recorder.workspaceId}/log`, async (page) => {
    const form = page.getByRole('form', { name: 'Quick log' });
    await form.getByRole('radio', { name: /Event \/ happy hour/ }).check();
    await form.getByLabel('Title').fill(RECORDED_TITLE);
    await form.getByLabel('Hours').fill('1.5');
    await form.getByRole('group', { name: 'Contact 1' }).getByLabel('Name').fill('Fault Contact A');
    await form.getByRole('button', { name: 'Add another person' }).click();
    await form.getByRole('group', { name: 'Contact 2' }).getByLabel('Name').fill('Fault Contact B');
    await form.getByRole('button', { name: 'Save' }).click();
  });

  const baseline = await getDashboard(app, user);
  record('baseline dashboard', baseline.status === 200, `HTTP ${baseline.status} in ${baseline.ms.toFixed(0)} ms`);

  // 1. Connections killed over and over while quick logs (4 rows each) are being written.
  const storm1 = writeStorm(app, recorded, recorder, user, 'kill', RECORDED_TITLE);
  let kills = 0;
  const killUntil = Date.now() + 5000;
  while (Date.now() < killUntil) {
    const r = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
    kills += r.rowCount ?? 0;
    await sleep(100);
  }
  const killed = await storm1.stop();
  record(
    'writes while backends are terminated',
    true,
    `${killed.attempts} quick logs sent, ${kills} connections killed; answers: ${[...killed.statuses].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
  );

  // 2. Database unreachable: every connection reset, in the middle of a write storm.
  const storm2 = writeStorm(app, recorded, recorder, user, 'outage', RECORDED_TITLE);
  await sleep(1500);
  proxy.set('reset');
  const downAt = performance.now();
  await sleep(1500);
  const during = await getDashboard(app, user);
  record('dashboard while the database is down answers with an error status', during.status === 500 || during.status === 503, `HTTP ${during.status} in ${during.ms.toFixed(0)} ms`);
  record('that answer leaks nothing', leaks(during.text).length === 0, leaks(during.text).join(', ') || 'no stack, SQL or driver error');
  const outage = await storm2.stop();
  const leaky = outage.bodies.filter((b) => leaks(b).length > 0);
  record(
    'failed writes leak nothing',
    leaky.length === 0,
    `${outage.bodies.length} failed answers, ${leaky.length} with a stack or SQL; answers: ${[...outage.statuses].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
  );

  // What the person sees, in a real browser: the error page, and a form error on save.
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: COOKIE_NAME, value: user.cookie, url: app.baseUrl }]);
    const page = await context.newPage();
    const response = await page.goto(`${app.baseUrl}/w/${user.workspaceId}`);
    const shown = await appears(page.getByRole('heading', { name: ERROR_PAGE_TEXT }), 10_000);
    const body = await page.content();
    record(
      'the browser shows the error page while the database is down',
      shown && (response?.status() ?? 0) >= 500,
      `HTTP ${response?.status()}, heading "${ERROR_PAGE_TEXT}" ${shown ? 'visible' : 'missing'}${leaks(body).length ? `, leaks: ${leaks(body).join(', ')}` : ''}`,
    );

    // Back up after the reset outage: the same process must serve again on its own.
    proxy.set('up');
    const firstUp = await untilDashboard(app, user);
    record('the app recovers after connections were reset', firstUp.ok, firstUp.detail);

    // A form loaded while the database was up, saved while it is down.
    await page.goto(`${app.baseUrl}/w/${user.workspaceId}/log`);
    const form = page.getByRole('form', { name: 'Quick log' });
    await form.getByRole('radio', { name: /Event \/ happy hour/ }).check();
    await form.getByLabel('Title').fill('Saved during the outage');
    await form.getByLabel('Hours').fill('1');
    await form.getByRole('group', { name: 'Contact 1' }).getByLabel('Name').fill('Outage Contact');
    proxy.set('reset');
    await form.getByRole('button', { name: 'Save' }).click();
    const formError = await appears(page.getByText(FORM_ERROR_TEXT), 15_000);
    if (!formError && process.env.FAULT_SCREENSHOTS) await page.screenshot({ path: `${process.env.FAULT_SCREENSHOTS}/form-during-outage.png`, fullPage: true });
    record('saving while the database is down shows a form error', formError, formError ? `"${FORM_ERROR_TEXT}"` : 'no form error shown');

    // 3. A black hole: connections accepted and never answered; requests must fail, not hang.
    proxy.set('blackhole');
    const hung = await getDashboard(app, user);
    record(
      'a black-holed database fails the request within the connect timeout',
      hung.status >= 500 && hung.ms < 20_000,
      `HTTP ${hung.status} after ${(hung.ms / 1000).toFixed(1)} s`,
    );

    // 4. Back up: the same server process recovers on its own.
    proxy.set('up');
    const recovered = await untilDashboard(app, user);
    record('the app recovers after a black hole, without a restart', recovered.ok, `${recovered.detail} (database unusable for ${((performance.now() - downAt) / 1000).toFixed(1)} s in all)`);
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = await appears(page.getByRole('heading', { name: /Logged “Saved during the outage”/ }), 15_000);
    record('the same form saves once the database is back', saved, saved ? 'saved on the second try' : 'not saved');
  } finally {
    await browser.close();
  }

  // No half-written quick log: each is an effort with exactly one time entry, its two contacts and
  // their two links, or it is absent. Every acknowledged one is present.
  const stored = await handle.db
    .select({
      id: efforts.id,
      title: efforts.title,
      entries: sql<number>`(select count(*)::int from time_entries t where t.effort_id = ${efforts}.id)`,
      made: sql<number>`(select count(*)::int from contacts c where c.met_through_effort_id = ${efforts}.id)`,
      links: sql<number>`(select count(*)::int from effort_contacts l where l.effort_id = ${efforts}.id)`,
    })
    .from(efforts)
    .where(eq(efforts.workspaceId, user.workspaceId));
  const faultLogs = stored.filter((e) => e.title.startsWith('Fault log '));
  const partial = faultLogs.filter((e) => e.entries !== 1 || e.made !== 2 || e.links !== 2);
  const orphans = await handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(sql`${contacts.workspaceId} = ${user.workspaceId} and ${contacts.name} like 'Fault Contact %' and ${contacts.metThroughEffortId} is null`);
  record(
    'no half-written quick log',
    partial.length === 0 && orphans[0].n === 0,
    `${faultLogs.length} quick logs stored, ${partial.length} incomplete, ${orphans[0].n} contacts without their effort`,
  );
  const titles = new Set(faultLogs.map((e) => e.title));
  const acknowledged = [...killed.acknowledged, ...outage.acknowledged];
  const lost = acknowledged.filter((t) => !titles.has(t));
  record('every acknowledged write is stored', lost.length === 0, `${acknowledged.length} acknowledged, ${lost.length} lost`);
  const dupes = await handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(efforts)
    .where(like(efforts.title, 'Saved during the outage'));
  record('the retried save is stored once', dupes[0].n === 1, `${dupes[0].n} stored`);
} catch (err) {
  console.error(err);
  console.error(app.output().slice(-3000));
  exitCode = 1;
} finally {
  proxy.set('up');
  await app.stop();
  await proxy.close();
  await admin.end();
  await handle.close();
  if (!process.env.LOAD_KEEP) await db.drop();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`\nfault: ${results.length - failed} passed, ${failed} failed`);
if (failed) exitCode = 1;
if (process.env.FAULT_SHOW_SERVER_LOG) console.log(app.output().slice(-5000));
process.exit(exitCode);
