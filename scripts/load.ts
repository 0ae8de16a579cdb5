// Load run: 50 signed-in users at once, each alternately opening their dashboard and creating a
// contact through the real server action, for 60 s against the production server on a fresh PostgreSQL
// database. Prints throughput, latency percentiles and errors per operation, then checks that every
// acknowledged write is in the database.
//
// Usage: npm run build && npm run load
//   LOAD_SECONDS (60), LOAD_USERS (50), LOAD_PORT (3191), NEXT_DIST_DIR (.next),
//   LOAD_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), LOAD_KEEP=1 keeps the database.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { inArray, like, sql } from 'drizzle-orm';
import { contacts } from '@/db/schema';
import {
  actionOutcome,
  COOKIE_NAME,
  createUsers,
  freshDatabase,
  newSecret,
  openMigrated,
  percentile,
  recordAction,
  replayRequest,
  startApp,
  type TestUser,
} from './app-harness';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const userCount = Number(process.env.LOAD_USERS ?? 50);
const port = Number(process.env.LOAD_PORT ?? 3191);
const RECORDED_NAME = 'Recorded Load Contact';

interface OpStats {
  times: number[];
  errors: Map<string, number>;
}
const stats: Record<'dashboard' | 'create contact', OpStats> = {
  dashboard: { times: [], errors: new Map() },
  'create contact': { times: [], errors: new Map() },
};
function error(op: keyof typeof stats, what: string) {
  stats[op].errors.set(what, (stats[op].errors.get(what) ?? 0) + 1);
}

const db = await freshDatabase(`groundwork_load_${Date.now()}`);
const handle = await openMigrated(db.url);
const secret = newSecret();
let exitCode = 0;
const app = await startApp({ port, databaseUrl: db.url, secret });
try {
  console.log(`creating ${userCount + 1} users with workspaces and sessions…`);
  const [recorder, ...vus] = await createUsers(handle, userCount + 1, secret, 'load');

  console.log('recording the new-contact form submission in Chromium…');
  const recorded = await recordAction(app, recorder, `/w/${recorder.workspaceId}/contacts/new`, async (page) => {
    const form = page.getByRole('form', { name: 'Add contact' });
    await form.getByLabel('Name').fill(RECORDED_NAME);
    await form.getByRole('button', { name: 'Add contact' }).click();
  });
  if (!recorded.body.includes(RECORDED_NAME)) throw new Error('the recorded action body does not carry the contact name');

  // Every acknowledged create: the id the server answered with and the name it was given.
  const acknowledged: { workspaceId: string; id: string; name: string }[] = [];
  const deadline = Date.now() + seconds * 1000;
  let sequence = 0;

  async function virtualUser(user: TestUser, index: number) {
    let turn = index % 2;
    while (Date.now() < deadline) {
      if (turn === 0) {
        const start = performance.now();
        try {
          const r = await fetch(`${app.baseUrl}/w/${user.workspaceId}`, { headers: { cookie: `${COOKIE_NAME}=${user.cookie}` }, redirect: 'manual' });
          const text = await r.text();
          stats.dashboard.times.push(performance.now() - start);
          if (r.status !== 200) error('dashboard', `HTTP ${r.status}`);
          else if (!text.includes('load workspace')) error('dashboard', 'page without the workspace');
        } catch (err) {
          stats.dashboard.times.push(performance.now() - start);
          error('dashboard', (err as Error).message);
        }
      } else {
        sequence += 1;
        const name = `Load contact ${index}-${sequence}`;
        const { url, init } = replayRequest(recorded, recorder, user, RECORDED_NAME, name, app.baseUrl);
        const start = performance.now();
        try {
          const r = await fetch(url, init);
          const text = await r.text();
          stats['create contact'].times.push(performance.now() - start);
          const outcome = actionOutcome(r.status, text);
          if (outcome.ok && outcome.id) acknowledged.push({ workspaceId: user.workspaceId, id: outcome.id, name });
          else error('create contact', r.status === 200 ? 'answered without ok' : `HTTP ${r.status}`);
        } catch (err) {
          stats['create contact'].times.push(performance.now() - start);
          error('create contact', (err as Error).message);
        }
      }
      turn = 1 - turn;
    }
  }

  console.log(`running ${vus.length} virtual users for ${seconds} s…`);
  const began = performance.now();
  await Promise.all(vus.map((u, i) => virtualUser(u, i)));
  const elapsed = (performance.now() - began) / 1000;

  // Every acknowledged write must be there, in the right workspace, with the right name.
  let found = 0;
  for (let i = 0; i < acknowledged.length; i += 500) {
    const chunk = acknowledged.slice(i, i + 500);
    const rows = await handle.db
      .select({ id: contacts.id, workspaceId: contacts.workspaceId, name: contacts.name })
      .from(contacts)
      .where(inArray(contacts.id, chunk.map((a) => a.id)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    found += chunk.filter((a) => byId.get(a.id)?.workspaceId === a.workspaceId && byId.get(a.id)?.name === a.name).length;
  }
  const lost = acknowledged.length - found;
  const [{ stored }] = await handle.db
    .select({ stored: sql<number>`count(*)::int` })
    .from(contacts)
    .where(like(contacts.name, 'Load contact %'));

  const lines: string[] = [];
  lines.push(`load: ${vus.length} virtual users, ${elapsed.toFixed(1)} s, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), node ${process.version}`);
  for (const [op, s] of Object.entries(stats)) {
    const errs = [...s.errors.entries()].map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
    const errorCount = [...s.errors.values()].reduce((a, b) => a + b, 0);
    lines.push(
      `${op}: ${s.times.length} requests, ${(s.times.length / elapsed).toFixed(1)}/s, ` +
        `p50 ${percentile(s.times, 50).toFixed(0)} ms, p95 ${percentile(s.times, 95).toFixed(0)} ms, p99 ${percentile(s.times, 99).toFixed(0)} ms, ` +
        `errors ${errorCount} (${errs})`,
    );
  }
  lines.push(`writes: ${acknowledged.length} acknowledged, ${found} found in the database, ${lost} lost; ${stored} load contacts stored in all (unacknowledged attempts that still committed count here)`);
  console.log(`\n${lines.join('\n')}`);
  if (lost > 0) exitCode = 1;
} catch (err) {
  console.error(err);
  console.error(app.output().slice(-3000));
  exitCode = 1;
} finally {
  await app.stop();
  await handle.close();
  if (!process.env.LOAD_KEEP) await db.drop();
}
process.exit(exitCode);
