// Benchmark of the roster against the dashboard: a coach with BENCH_CLIENTS clients (15), each
// with BENCH_EFFORTS efforts (2,000) and the contacts and opportunities that go with them, on a
// PostgreSQL server. Measures the server's response to /roster and to one client's dashboard, with
// dashboard views kept in memory and with them off, and prints the ratio (the target is under 2×).
// Usage: npm run bench:roster   (needs a build: npm run build, or NEXT_DIST_DIR=.next-test)
import { performance } from 'node:perf_hooks';
import { memberships } from '@/db/schema';
import { scaleFor, seedWorkspace } from './seed-workspace';
import { createUsers, freshDatabase, newSecret, openMigrated, percentile, startApp } from './app-harness';

process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '900000';
const clients = Number(process.env.BENCH_CLIENTS ?? 15);
const effortsEach = Number(process.env.BENCH_EFFORTS ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3219);
const ms = (n: number) => `${n.toFixed(1)} ms`;

const { url, drop } = await freshDatabase('groundwork_bench_roster');
const handle = await openMigrated(url);
const secret = newSecret();
const results: string[] = [];
try {
  const [coach, ...people] = await createUsers(handle, clients + 1, secret, 'roster');
  const t0 = performance.now();
  for (const p of people) {
    await seedWorkspace(handle.db, p.workspaceId, scaleFor(effortsEach), 2);
    await handle.db.insert(memberships).values({ workspaceId: p.workspaceId, userId: coach.userId, role: 'coach' });
  }
  console.log(`seeded ${clients} clients × ${effortsEach} efforts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const headers = { cookie: `authjs.session-token=${coach.cookie}` };

  for (const viewCache of ['on', 'off'] as const) {
    const app = await startApp({ port, databaseUrl: url, secret, env: { GROUNDWORK_VIEW_CACHE: viewCache } });
    try {
      const time = async (path: string) => {
        const times: number[] = [];
        for (let i = 0; i < runs + 3; i++) {
          const s = performance.now();
          const r = await fetch(`${app.baseUrl}${path}`, { headers, redirect: 'manual' });
          await r.text();
          if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
          if (i >= 3) times.push(performance.now() - s);
        }
        return { p50: percentile(times, 50), p95: percentile(times, 95) };
      };
      const dashboard = await time(`/w/${people[0].workspaceId}`);
      const roster = await time('/roster');
      const line =
        `view cache ${viewCache}, ${clients} clients × ${effortsEach} efforts: roster p50 ${ms(roster.p50)}, p95 ${ms(roster.p95)}; ` +
        `one client's dashboard p50 ${ms(dashboard.p50)}, p95 ${ms(dashboard.p95)}; ratio (p50) ${(roster.p50 / dashboard.p50).toFixed(2)}× (${runs} runs)`;
      console.log(line);
      results.push(line);
    } finally {
      await app.stop();
    }
  }
} finally {
  await handle.close();
  await drop();
}
console.log('\nSummary');
for (const line of results) console.log(`  ${line}`);
