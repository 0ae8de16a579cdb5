#!/usr/bin/env node
// Runs every test: unit and data-access tests (Vitest, embedded database), then the browser
// specs (Playwright) against a fresh build on a fresh embedded database. Prints one summary line.
// Only Node's own modules are used, so this runs before `npm ci` has.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.test-results');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  const probe = spawnSync('node', ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { cwd: root });
  const own = String(probe.stdout || '');
  return own && existsSync(own) ? own : null;
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    'No Chromium found for the browser tests. Install one of:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
      "  Playwright's:   npx playwright install chromium\n" +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(results, 'vitest.json')}`]);
const e2eStatus = run('npx', ['playwright', 'test'], { CI: '1', CHROMIUM_PATH: chromium });

function count(file, read) {
  try {
    return read(JSON.parse(readFileSync(path.join(results, file), 'utf8')));
  } catch {
    return null;
  }
}
const unit = count('vitest.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const e2e = count('playwright.json', (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected }));

let passed = 0;
let failed = 0;
for (const [name, r, status] of [['unit', unit, unitStatus], ['e2e', e2e, e2eStatus]]) {
  if (!r) {
    console.error(`The ${name} suite did not report results (exit ${status}).`);
    failed += 1;
    continue;
  }
  passed += r.passed;
  // A suite that failed without a failing test (a crash, a broken setup) still counts as a failure.
  failed += r.failed || (status !== 0 ? 1 : 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
