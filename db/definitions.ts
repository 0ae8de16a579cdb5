// The current definitions of the SQL functions and triggers that carry rules live in db/sql/*.sql;
// migrations apply them. These helpers read them, apply them, and read what a database holds, so a
// script can write the migration a change needs and a test can check that the two never drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './index';

/** db/sql's files in the order they apply: the rules first, since functions and indexes call them. */
export const SQL_FILES = ['rules', 'remembered', 'credit', 'rollups', 'comments', 'data-version'] as const;
export type SqlFile = (typeof SQL_FILES)[number];

export const sqlFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db', 'sql');

/** Where drizzle's migrator splits a migration into statements; db/sql's files split the same way. */
export const BREAKPOINT = '--> statement-breakpoint';

export function readSqlFile(name: SqlFile): string {
  return readFileSync(path.join(sqlFolder, `${name}.sql`), 'utf8');
}

/** A file's statements as the migrator would run them, leaving out chunks that hold only comments. */
export function statementsOf(text: string): string[] {
  return text
    .split(BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--')));
}

async function rows<T>(db: Db, query: string): Promise<T[]> {
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: T[] };
  return result.rows;
}

export async function applySqlFiles(db: Db, names: readonly SqlFile[] = SQL_FILES): Promise<void> {
  for (const name of names) {
    for (const statement of statementsOf(readSqlFile(name))) await db.execute(sql.raw(statement));
  }
}

const FUNCTIONS = `
  SELECT 'function ' || p.oid::regprocedure::text AS key, pg_get_functiondef(p.oid) AS def
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d
                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`;
const TRIGGERS = `
  SELECT 'trigger ' || t.tgname || ' on ' || c.relname AS key, pg_get_triggerdef(t.oid) AS def
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND NOT t.tgisinternal`;

/**
 * Every function and trigger of the public schema, as the database prints them back, keyed
 * "function name(argument types)" and "trigger name on table", in key order.
 */
export async function readDefinitions(db: Db): Promise<Record<string, string>> {
  const all = await rows<{ key: string; def: string }>(db, `${FUNCTIONS} UNION ALL ${TRIGGERS} ORDER BY 1`);
  return Object.fromEntries(all.map((r) => [r.key, r.def]));
}

/** The statement that removes one definition, from its key in readDefinitions. */
export function dropStatement(key: string): string {
  const trigger = /^trigger (\w+) on (\w+)$/.exec(key);
  if (trigger) return `DROP TRIGGER IF EXISTS ${trigger[1]} ON ${trigger[2]};`;
  return `DROP FUNCTION IF EXISTS ${key.replace(/^function /, '')};`;
}

/**
 * Drops every function and trigger of the public schema, and with them what depends on them (an
 * index on contact_due_on): for a scratch copy that db/sql is then applied to, never a real database.
 */
export async function dropDefinitions(db: Db): Promise<void> {
  const keys = Object.keys(await readDefinitions(db));
  for (const key of keys.filter((k) => k.startsWith('trigger '))) await db.execute(sql.raw(dropStatement(key)));
  for (const key of keys.filter((k) => k.startsWith('function '))) {
    await db.execute(sql.raw(dropStatement(key).replace(/;$/, ' CASCADE;')));
  }
}
