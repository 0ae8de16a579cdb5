// Builds one migrated PGlite database and saves it, so each test file starts from a copy in ~0.4 s.
// The copy is kept while the migrations are unchanged: runs after the first (the date sweep's five
// days, a single file while working) skip the migration.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

import { TEMPLATE } from './db';

const root = path.resolve(import.meta.dirname, '..');
const migrationsFolder = path.join(root, 'drizzle');
const PGLITE_VERSION: string = JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;

/** A digest of every migration file and of PGlite's version: a change to either builds the template again. */
function migrationsDigest(): string {
  const hash = createHash('sha256').update(PGLITE_VERSION);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex');
}

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const digest = migrationsDigest();
  const digestFile = `${TEMPLATE}.sha256`;
  if (existsSync(TEMPLATE) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest) return;
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir('gzip');
  mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  writeFileSync(TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(digestFile, digest);
  await client.close();
}
