#!/usr/bin/env node
// Completes the bundle `next build` leaves in <distDir>/standalone: the static assets, public files,
// migrations and the production server are copied in, so that folder alone can be copied to a
// host or into an image and run with `node scripts/serve.mjs` (no npm install there).
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const out = path.join(root, distDir, 'standalone');
if (!existsSync(path.join(out, 'server.js'))) {
  console.error(`No standalone build in ${out}: run \`next build\` first (next.config.mjs asks for output: 'standalone').`);
  process.exit(1);
}
const copy = (from, to) => {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
};
copy(path.join(root, distDir, 'static'), path.join(out, distDir, 'static'));
copy(path.join(root, 'public'), path.join(out, 'public'));
copy(path.join(root, 'drizzle'), path.join(out, 'drizzle'));
for (const file of ['serve.mjs', 'log.mjs']) copy(path.join(root, 'scripts', file), path.join(out, 'scripts', file));
console.log(`Standalone server ready in ${path.relative(root, out)}: cd there and run \`node scripts/serve.mjs\`.`);
