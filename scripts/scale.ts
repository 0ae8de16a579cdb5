// Scale-out run: two instances of the standalone production server on one PostgreSQL database,
// behind a small round-robin proxy, serving one browser session between them; then the scheduled
// reminders called on both at once, and one instance stopped with SIGTERM under load.
//
// What it checks, and fails on:
//   - both instances start together on an empty database and migrate it once (advisory lock);
//   - an instance lacking a shared setting refuses to start and says which;
//   - /api/health and /api/health/ready answer JSON without a session, on both;
//   - sign-up, writes and reads alternate between the instances and agree;
//   - an invitation accepted on one instance, the member removed on the other: the member's very
//     next request is refused by either;
//   - the reminders route called on both at once sends each message once;
//   - SIGTERM under load: the instance finishes what it accepted, answers no 5xx, exits 0 within
//     its bound, and every acknowledged write is in the database;
//   - every log line is JSON with a level; request lines carry an id and a duration; no e-mail
//     address or password of the session appears in any log.
//
// Usage: npm run build && npm run scale
//   NEXT_DIST_DIR (.next; CI passes the browser tests' .next-test), SCALE_PORT (3220: the proxy;
//   the instances take the next three ports), LOAD_DATABASE_URL, LOAD_KEEP=1 keeps the database.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, inArray, like, sql } from 'drizzle-orm';
import { openDatabase, setProcessDatabase } from '@/db';
import { contacts, mailOutbox, notificationPrefs, reminderSends } from '@/db/schema';
import {
  actionOutcome,
  createUsers,
  distDir,
  freshDatabase,
  newSecret,
  recordAction,
  replayRequest,
  startApp,
  type TestUser,
} from './app-harness';

const proxyPort = Number(process.env.SCALE_PORT ?? 3220);
const [portA, portB, portBad] = [proxyPort + 1, proxyPort + 2, proxyPort + 3];
const CRON_SECRET = 'scale-cron-secret';
const PIN = 'x-scale-instance';

const failures: string[] = [];
function check(ok: boolean, what: string) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

// The standalone bundle, completed as the Dockerfile and docs/deploy.md complete it.
const dist = distDir();
const assembled = spawnSync(process.execPath, ['scripts/standalone.mjs'], { stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: dist } });
if (assembled.status !== 0) process.exit(1);
const standalone = path.join(process.cwd(), dist, 'standalone');

/** A round-robin proxy over the two instances; a test-only header pins a request to one. */
function startProxy(ports: number[]) {
  let turn = 0;
  const served = ports.map(() => 0);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const pin = req.headers[PIN];
    const i = pin === 'a' ? 0 : pin === 'b' ? 1 : turn++ % ports.length;
    served[i] += 1;
    const headers: http.OutgoingHttpHeaders = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' };
    delete headers[PIN];
    const upstream = http.request({ host: '127.0.0.1', port: ports[i], method: req.method, path: req.url, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': i === 0 ? 'a' : 'b' });
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise<{ url: string; served: number[]; close: () => Promise<void> }>((resolve) => {
    server.listen(proxyPort, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        served,
        close: () => {
          agent.destroy();
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}

const db = await freshDatabase(`groundwork_scale_${Date.now()}`);
const secret = newSecret();
const apps: Awaited<ReturnType<typeof startApp>>[] = [];
let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
let browser: import('@playwright/test').Browser | undefined;
const handle = await openDatabase({ driver: 'pg', url: db.url });
setProcessDatabase(handle);
const began = performance.now();

try {
  proxy = await startProxy([portA, portB]);
  const common = { databaseUrl: db.url, secret, cwd: standalone };
  const env = { APP_URL: proxy.url, TRUSTED_PROXY_HOPS: '1', CRON_SECRET, DATABASE_MIGRATE_ON_START: 'true' };

  // Both instances start at the same moment on an empty database.
  const t0 = performance.now();
  const [a, b] = await Promise.all([startApp({ ...common, port: portA, env }), startApp({ ...common, port: portB, env })]);
  apps.push(a, b);
  console.log(`two instances up in ${((performance.now() - t0) / 1000).toFixed(1)} s, migrating an empty database together`);
  const counted = await handle.db.execute(sql`select count(*)::int as applied, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`);
  const { applied, distinct } = (counted as unknown as { rows: { applied: number; distinct: number }[] }).rows[0];
  check(applied > 0 && applied === distinct, `migrations applied once each (${applied} rows, ${distinct} distinct)`);

  // One lacking what instances share refuses to start, and says what is missing.
  const bad = await startApp({ ...common, port: portBad, env: { ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: '' } }).then(
    (app) => {
      apps.push(app);
      return 'started';
    },
    (err: Error) => err.message,
  );
  check(/exited \(1\)/.test(bad) && bad.includes('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set'), 'an instance without the server-action key refuses to start and names it');

  for (const app of [a, b]) {
    const live = await fetch(`${app.baseUrl}/api/health`);
    const ready = await fetch(`${app.baseUrl}/api/health/ready`);
    const readyBody = (await ready.json()) as { status: string; migrations?: { expected: number; applied: number } };
    check(live.status === 200 && ((await live.json()) as { status: string }).status === 'ok', `${app.baseUrl}/api/health answers {"status":"ok"} without a session`);
    check(ready.status === 200 && readyBody.status === 'ready' && readyBody.migrations?.applied === readyBody.migrations?.expected, `${app.baseUrl}/api/health/ready: ready, migrations current`);
  }

  // The browser session, through the proxy.
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => spawnSync('test', ['-x', p]).status === 0);
  browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const stamp = Date.now().toString(36);
  const owner = { name: 'Robin Castillo', email: `owner-${stamp}@example.com`, password: 'a quiet walk by the harbour' };
  const member = { name: 'Casey Member', email: `member-${stamp}@example.com`, password: 'members keep the books' };

  const ownerContext = await browser.newContext({ baseURL: proxy.url });
  const page = await ownerContext.newPage();
  await page.goto('/signup');
  const signup = page.getByRole('form', { name: 'Create your account' });
  await signup.getByLabel('Name').fill(owner.name);
  await signup.getByLabel('Email').fill(owner.email);
  await signup.getByLabel('Password').fill(owner.password);
  await signup.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  const workspaceId = new URL(page.url()).pathname.split('/')[2];
  const base = `/w/${workspaceId}`;
  console.log('     signed up; the dashboard opened');

  /** Path of the first link containing pathPart in the newest mail to `to` (kept in the database). */
  async function mailedPath(to: string, pathPart: string): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const rows = await handle.db.select({ text: mailOutbox.text }).from(mailOutbox).where(eq(mailOutbox.to, to));
      for (const row of rows.reverse()) {
        const match = new RegExp(`https?://\\S+${pathPart}\\S+`).exec(row.text);
        if (match) return new URL(match[0]).pathname;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${pathPart} link mailed to the test address`);
  }
  await page.goto(await mailedPath(owner.email, '/verify-email/'));
  // Opening a confirmation link changes nothing until its button is pressed (mail scanners open links).
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await page.getByRole('heading', { name: 'Your e-mail is confirmed' }).waitFor();

  // Writes: each form page and its action may land on either instance.
  const names = ['Luca Bianchi', 'Ana Souza', 'Lee Okafor'];
  for (const name of names) {
    await page.goto(`${base}/contacts/new`);
    const form = page.getByRole('form', { name: 'Add contact' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Add contact' }).click();
    await page.waitForURL((url) => /\/contacts\/[0-9a-f-]{36}$/.test(url.pathname));
  }
  // Reads: the list, again and again, from both.
  const readBy = new Set<string>();
  let readsAgree = true;
  for (let i = 0; i < 6; i++) {
    const response = await page.goto(`${base}/contacts`);
    readBy.add((await response?.headerValue('x-served-by')) ?? '?');
    const text = await page.locator('main').innerText();
    readsAgree &&= response?.status() === 200 && names.every((n) => text.includes(n));
  }
  check(readsAgree && readBy.has('a') && readBy.has('b'), `three contacts written, read back from both instances (${[...readBy].sort().join(', ')})`);

  // An invitation, accepted through instance a.
  await page.goto(`${base}/members`);
  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('E-mail address').fill(member.email);
  await invite.getByLabel('Role').selectOption('editor');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  const invitePath = new URL(await page.getByLabel('Invitation link').inputValue()).pathname;

  const memberContext = await browser.newContext({ baseURL: proxy.url, extraHTTPHeaders: { [PIN]: 'a' } });
  const memberPage = await memberContext.newPage();
  await memberPage.goto(invitePath);
  await memberPage.getByRole('link', { name: 'Create an account' }).click();
  const memberSignup = memberPage.getByRole('form', { name: 'Create your account' });
  await memberSignup.getByLabel('Name').fill(member.name);
  await memberSignup.getByLabel('Email').fill(member.email);
  await memberSignup.getByLabel('Password').fill(member.password);
  await memberSignup.getByRole('button', { name: 'Create account' }).click();
  await memberPage.waitForURL((url) => url.pathname === invitePath);
  // Joining needs a confirmed address: the member confirms through the mailed link, then comes back.
  await memberPage.goto(await mailedPath(member.email, '/verify-email/'));
  await memberPage.getByRole('button', { name: 'Confirm my address' }).click();
  await memberPage.getByRole('heading', { name: 'Your e-mail is confirmed' }).waitFor();
  await memberPage.goto(invitePath);
  await memberPage.getByRole('button', { name: /^Join .* as editor$/ }).click();
  await memberPage.waitForURL((url) => url.pathname === base);
  const onA = await memberContext.request.get(`${base}/contacts`, { headers: { [PIN]: 'a' } });
  const onB = await memberContext.request.get(`${base}/contacts`, { headers: { [PIN]: 'b' } });
  check(onA.status() === 200 && onB.status() === 200 && (await onB.text()).includes('Ana Souza'), 'the invitation accepted on a; the member reads the workspace on a and on b');

  // Removed through instance b.
  await page.setExtraHTTPHeaders({ [PIN]: 'b' });
  await page.goto(`${base}/members`);
  await page.getByRole('button', { name: `Remove ${member.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await page.getByText(`${member.name} removed.`).first().waitFor();
  const afterA = await memberContext.request.get(`${base}/contacts`, { headers: { [PIN]: 'a' } });
  const afterB = await memberContext.request.get(`${base}/contacts`, { headers: { [PIN]: 'b' } });
  const leaked = (await afterA.text()).includes('Ana Souza') || (await afterB.text()).includes('Ana Souza');
  check(afterA.status() === 404 && afterB.status() === 404 && !leaked, `removed on b: the member's next requests are refused by a (${afterA.status()}) and by b (${afterB.status()})`);
  await browser.close();
  browser = undefined;
  check(proxy.served[0] > 10 && proxy.served[1] > 10, `the proxy spread the session: ${proxy.served[0]} requests to a, ${proxy.served[1]} to b`);

  // The reminders route, called on both instances at once.
  const due = await createUsers(handle, 6, secret, `remind-${stamp}`);
  for (const u of due) {
    await handle.db.insert(contacts).values({ workspaceId: u.workspaceId, name: 'Gone quiet', cadenceDays: 7, lastTouchOn: '2020-01-01' });
    await handle.db.insert(notificationPrefs).values({ userId: u.userId, dailyEnabled: true, dailyHour: 0, timeZone: 'UTC' });
  }
  const call = (app: { baseUrl: string }) =>
    fetch(`${app.baseUrl}/api/cron/reminders`, { method: 'POST', headers: { authorization: `Bearer ${CRON_SECRET}` } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { sent?: { daily: number } },
    }));
  const runs = await Promise.all([call(a), call(b), call(a), call(b)]);
  const sentDaily = runs.reduce((n, r) => n + (r.body.sent?.daily ?? 0), 0);
  const mails = await handle.db
    .select({ to: mailOutbox.to, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(like(mailOutbox.to, `remind-${stamp}-%`))
    .groupBy(mailOutbox.to);
  const claims = await handle.db.select({ n: sql<number>`count(*)::int` }).from(reminderSends).where(inArray(reminderSends.userId, due.map((u) => u.userId)));
  check(
    runs.every((r) => r.status === 200) && sentDaily === due.length && mails.length === due.length && mails.every((m) => m.n === 1) && claims[0].n === due.length,
    `reminders called 4 times at once on a and b: ${sentDaily} sent for ${due.length} people, ${mails.length} inboxes with ${mails.map((m) => m.n).join('/')} message(s)`,
  );

  // SIGTERM under load: writers hammer instance a directly, and a is told to stop.
  const [recorder, ...writers] = await createUsers(handle, 9, secret, `drain-${stamp}`);
  const recorded = await recordAction(a, recorder, `/w/${recorder.workspaceId}/contacts/new`, async (p) => {
    const form = p.getByRole('form', { name: 'Add contact' });
    await form.getByLabel('Name').fill('Recorded Drain Contact');
    await form.getByRole('button', { name: 'Add contact' }).click();
  });
  const acknowledged: { id: string; name: string; workspaceId: string; after: boolean }[] = [];
  const outcomes = new Map<string, number>();
  const note = (what: string) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
  let signalledAt = 0;
  let sequence = 0;
  async function writer(user: TestUser, index: number) {
    for (;;) {
      sequence += 1;
      const name = `Drain contact ${index}-${sequence}`;
      const { url, init } = replayRequest(recorded, recorder, user, 'Recorded Drain Contact', name, a.baseUrl);
      try {
        const r = await fetch(url, init);
        const text = await r.text();
        const outcome = actionOutcome(r.status, text);
        if (outcome.ok && outcome.id) {
          acknowledged.push({ id: outcome.id, name, workspaceId: user.workspaceId, after: signalledAt > 0 });
          note('acknowledged');
        } else note(`HTTP ${r.status}${r.status === 200 ? ' without ok' : ''}`);
      } catch (err) {
        const code = ((err as Error).cause as { code?: string } | undefined)?.code ?? (err as Error).message;
        note(code);
        // Refused: the instance no longer accepts connections; a balancer would go elsewhere.
        if (code === 'ECONNREFUSED') return;
      }
    }
  }
  const load = Promise.all(writers.map((u, i) => writer(u, i)));
  await new Promise((r) => setTimeout(r, 2000));
  const inflightAtSignal = acknowledged.length;
  signalledAt = performance.now();
  process.kill(-a.pid, 'SIGTERM');
  const exitCode = await Promise.race([a.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 40_000))]);
  const drainMs = performance.now() - signalledAt;
  await load;
  let stored = 0;
  for (let i = 0; i < acknowledged.length; i += 500) {
    const chunk = acknowledged.slice(i, i + 500);
    const rows = await handle.db.select({ id: contacts.id, name: contacts.name, workspaceId: contacts.workspaceId }).from(contacts).where(inArray(contacts.id, chunk.map((c) => c.id)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    stored += chunk.filter((c) => byId.get(c.id)?.name === c.name && byId.get(c.id)?.workspaceId === c.workspaceId).length;
  }
  const after = acknowledged.filter((c) => c.after).length;
  const fiveHundreds = [...outcomes.entries()].filter(([k]) => /^HTTP 5/.test(k)).reduce((n, [, v]) => n + v, 0);
  console.log(`     SIGTERM after ${inflightAtSignal} writes; outcomes: ${[...outcomes.entries()].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  check(exitCode === 0 && drainMs < 25_000, `SIGTERM: a drained and exited with 0 in ${(drainMs / 1000).toFixed(2)} s`);
  check(fiveHundreds === 0, 'no request failed with a 5xx while a drained');
  check(acknowledged.length > 0 && stored === acknowledged.length, `every acknowledged write stored: ${stored} of ${acknowledged.length} (${after} acknowledged after the signal)`);
  const stillReady = await fetch(`${b.baseUrl}/api/health/ready`);
  check(stillReady.status === 200, 'b still ready after a left');

  // The logs of both instances.
  const secrets = [owner.email, member.email, owner.password, member.password, `remind-${stamp}-`, `drain-${stamp}-`, '@example.com'];
  let lines = 0;
  let notJson = 0;
  let requestLines = 0;
  let badRequestLines = 0;
  let leaks = 0;
  for (const app of [a, b]) {
    for (const line of app.output().split('\n').filter(Boolean)) {
      lines += 1;
      if (secrets.some((s) => line.includes(s))) leaks += 1;
      try {
        const entry = JSON.parse(line) as { level?: string; msg?: string; requestId?: string; durationMs?: number; status?: number };
        if (!entry.level) notJson += 1;
        if (entry.msg === 'request') {
          requestLines += 1;
          if (!entry.requestId || typeof entry.durationMs !== 'number' || typeof entry.status !== 'number') badRequestLines += 1;
        }
      } catch {
        notJson += 1;
      }
    }
  }
  check(lines > 0 && notJson === 0, `${lines} log lines, all JSON with a level`);
  check(requestLines > 0 && badRequestLines === 0, `${requestLines} request lines, each with a request id, status and duration`);
  check(leaks === 0, 'no e-mail address or password of the session in the logs');
} catch (err) {
  console.error(err);
  for (const app of apps) console.error(`--- ${app.baseUrl}\n${app.output().slice(-3000)}`);
  failures.push('the run stopped early');
} finally {
  await browser?.close().catch(() => {});
  await Promise.all(apps.map((app) => app.stop()));
  await proxy?.close();
  await handle.close();
  if (!process.env.LOAD_KEEP) await db.drop();
}
console.log(`scale: ${failures.length ? `${failures.length} check(s) failed (${failures.join('; ')})` : 'all checks passed'} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
process.exit(failures.length ? 1 : 0);
