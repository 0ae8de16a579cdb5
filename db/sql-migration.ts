// Writes the custom migration that brings a migrated database to what db/sql defines: the files
// whose definitions differ from what the migrations leave, then drops for what db/sql no longer
// defines. Usage: npm run db:sql -- <migration_name>, or npm run db:sql -- --into-latest to add
// them to the newest migration while it is not committed yet (a column and the rule that uses it
// then arrive in one migration).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  applySqlFiles,
  BREAKPOINT,
  dropDefinitions,
  dropStatement,
  readDefinitions,
  readSqlFile,
  SQL_FILES,
  type SqlFile,
} from './definitions';
import { migrationsFolder, openDatabase, type Db } from './index';

const name = process.argv[2];
const intoLatest = name === '--into-latest';
if (!name || (!intoLatest && !/^[a-z0-9_]+$/.test(name))) {
  console.error('Name the migration for what it changes, in snake_case: npm run db:sql -- cold_after_cadence');
  process.exit(1);
}

function latestMigration(): string {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return path.join(migrationsFolder, `${journal.entries.at(-1)!.tag}.sql`);
}

if (intoLatest) {
  const latest = path.relative(process.cwd(), latestMigration());
  // A committed migration may have run somewhere already: it is history, and history is not edited.
  const committed = execFileSync('git', ['log', '--oneline', '-1', '--', latest], { encoding: 'utf8' }).trim();
  if (committed) {
    console.error(`${latest} is committed already; write a new migration instead: npm run db:sql -- <migration_name>`);
    process.exit(1);
  }
}

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

async function migrated<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://', migrate: true });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const plan = await migrated(async (db) => {
  // Applied one by one over the migrated database, a file that changes nothing is already in place.
  const changed: SqlFile[] = [];
  let current = await readDefinitions(db);
  for (const file of SQL_FILES) {
    await applySqlFiles(db, [file]);
    const next = await readDefinitions(db);
    if (!same(current, next)) changed.push(file);
    current = next;
  }
  // Rebuilt from db/sql alone, whatever is missing is left over from the past and goes.
  await dropDefinitions(db);
  await applySqlFiles(db);
  const wanted = await readDefinitions(db);
  const gone = Object.keys(current).filter((key) => !(key in wanted));
  // Triggers first: a function goes only once nothing calls it.
  gone.sort((a, b) => Number(a.startsWith('function ')) - Number(b.startsWith('function ')));
  return { changed, gone, wanted };
});

if (plan.changed.length === 0 && plan.gone.length === 0) {
  console.log('db/sql matches the migrations: no migration needed.');
  process.exit(0);
}

if (!intoLatest) {
  execFileSync('npx', ['drizzle-kit', 'generate', '--custom', '--config', 'db/drizzle.config.ts', '--name', name], { stdio: 'inherit' });
}
const file = latestMigration();

const header = `-- Written by npm run db:sql from db/sql (${plan.changed.map((f) => `${f}.sql`).join(', ') || 'removals only'}).`;
const parts = [...plan.changed.map((f) => readSqlFile(f).trim()), ...plan.gone.map(dropStatement)];
const before = intoLatest ? `${readFileSync(file, 'utf8').trimEnd()}\n${BREAKPOINT}\n` : '';
writeFileSync(file, `${before}${header}\n${parts.join(`\n${BREAKPOINT}\n`)}\n`);

// The migrations with the new one must now leave exactly what db/sql defines.
const after = await migrated(readDefinitions);
if (!same(after, plan.wanted)) {
  console.error(`${path.relative(process.cwd(), file)} does not reproduce db/sql; see the test in db/definitions.test.ts.`);
  process.exit(1);
}
console.log(`Wrote ${path.relative(process.cwd(), file)}: ${plan.changed.length} file(s) of db/sql, ${plan.gone.length} removal(s).`);
