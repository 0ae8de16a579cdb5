// Builds one migrated PGlite database and saves it, so each test file starts from a copy in ~0.4 s.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

import { TEMPLATE } from './db';

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder: path.resolve(import.meta.dirname, '..', 'drizzle') });
  const dump = await client.dumpDataDir('gzip');
  mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  writeFileSync(TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}
