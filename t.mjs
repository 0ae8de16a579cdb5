import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
const blob = new Blob([readFileSync('.test-data/pglite-template.tar.gz')]);
const c = new PGlite(undefined, { loadDataDir: blob });
await c.waitReady;
console.log((await c.query("select tablename from pg_tables where schemaname='public'")).rows);
const c2 = new PGlite('memory://', { loadDataDir: blob });
await c2.waitReady;
console.log((await c2.query("select tablename from pg_tables where schemaname='public'")).rows);
