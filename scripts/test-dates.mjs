#!/usr/bin/env node
// Runs the date-sensitive suites again on the app's clock set to days that break date code: the
// first of a month, the year's last evening in zones far ahead of and behind UTC, and the days
// daylight saving starts and ends. Browser specs run too when a build exists (E2E_DATES=1).
// Prints one summary line, like the main test command.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-results-dates');

/** [time zone, instant]: each is "today" for one run. */
export const DAYS = [
  ['UTC', '2027-03-01T10:00:00Z'],
  ['Pacific/Kiritimati', '2026-12-31T23:00:00+14:00'],
  ['Pacific/Honolulu', '2026-12-31T23:00:00-10:00'],
  ['America/New_York', '2027-03-14T12:00:00-04:00'],
  ['Europe/Berlin', '2027-10-31T12:00:00+01:00'],
];

// The suites whose answers depend on the day: dates, periods, cohorts, going cold, reminders' local
// hours and weeks, the calendar feed, "not in the future" limits, and the exports that filter by them.
const UNIT = [
  'lib/dates.test.ts', 'lib/clock.test.ts', 'lib/flags.test.ts', 'lib/ics.test.ts', 'lib/payoff', 'lib/reminders',
  'lib/schemas/contact.test.ts', 'lib/schemas/dashboard.test.ts', 'lib/schemas/interaction.test.ts',
  'lib/schemas/quick-log.test.ts', 'lib/schemas/opportunity.test.ts', 'lib/schemas/effort.test.ts',
  'lib/data/calendar.test.ts', 'lib/data/contacts.test.ts', 'lib/data/dashboard.test.ts', 'lib/data/cohorts.test.ts',
  'lib/data/rules.test.ts', 'lib/data/export.test.ts', 'lib/data/reminders.test.ts', 'lib/data/rollups.test.ts',
  'lib/data/roster.test.ts',
];
const E2E = ['e2e/dashboard.spec.ts', 'e2e/reminders.spec.ts'];

function run(cmd, args, env) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}
function read(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;
DAYS.forEach(([tz, clock], i) => {
  console.log(`\n::: on ${clock} in ${tz}`);
  const env = { TZ: tz, GROUNDWORK_CLOCK: clock };
  const unitFile = path.join(out, `vitest-${i}.json`);
  const status = run('npx', ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile=${unitFile}`, ...UNIT], env);
  const unit = read(unitFile, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
  passed += unit?.passed ?? 0;
  failed += unit ? unit.failed || (status !== 0 ? 1 : 0) : 1;
  if (process.env.E2E_DATES === '1') {
    const e2eFile = path.join(out, `playwright-${i}.json`);
    const s = run('npx', ['playwright', 'test', '--project=desktop', '--reporter=dot,json', ...E2E], {
      ...env,
      CI: '1',
      E2E_SKIP_BUILD: '1',
      E2E_PORT: String(3150 + i),
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile,
    });
    const e2e = read(e2eFile, (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected }));
    passed += e2e?.passed ?? 0;
    failed += e2e ? e2e.failed || (s !== 0 ? 1 : 0) : 1;
  }
});
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
