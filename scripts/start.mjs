#!/usr/bin/env node
// Starts Groundwork on a fresh clone: installs dependencies and builds when needed, then serves.
// Only Node's own modules are used, so this runs before `npm ci` has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const port = process.env.PORT || '3000';
const started = Date.now();

function run(cmd, args, label) {
  console.log(`> ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  run('npm', ['ci', '--no-audit', '--no-fund'], 'Installing dependencies (npm ci)');
}

const buildId = path.join(root, distDir, 'BUILD_ID');
const sources = ['app', 'lib', 'db', 'public'].map((d) => newestMtime(path.join(root, d)));
const configs = ['package-lock.json', 'next.config.mjs', 'proxy.ts', 'postcss.config.mjs'].map((f) =>
  existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0,
);
if (!existsSync(buildId) || statSync(buildId).mtimeMs < Math.max(...sources, ...configs)) {
  run('npx', ['next', 'build'], 'Building the app (next build)');
}

console.log(`> Starting Groundwork on http://localhost:${port}`);
// The production server: JSON-line logs, health routes, draining on SIGTERM (docs/deploy.md).
const child = spawn(process.execPath, ['scripts/serve.mjs'], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, NEXT_DIST_DIR: distDir, PORT: port },
});
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (String(chunk).includes('"msg":"ready"')) {
    console.log(`> Ready ${((Date.now() - started) / 1000).toFixed(1)} s after start. Open http://localhost:${port}`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
