import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; accepted wherever a Db is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
export type Driver = 'pglite' | 'pg' | 'neon';

export interface DbHandle {
  db: Db;
  driver: Driver;
  close: () => Promise<void>;
  /** Where migrations and their lock go: the direct URL if one was given (server drivers only). */
  migrationUrl?: string;
  /** What it was opened with: migrating again needs the same timeouts and proxy. */
  options: DbOptions;
}

export interface DbOptions {
  /** postgres:// URL; absent means embedded PGlite. */
  url?: string;
  driver?: Driver;
  /** PGlite folder, or 'memory://' for a throwaway database. */
  dataDir?: string;
  /** A dumped, migrated PGlite data dir to start from (tests). */
  loadDataDir?: Blob | File;
  /** Apply pending migrations right after opening. */
  migrate?: boolean;
  /**
   * A direct (not pooled) connection string for migrations and their lock, e.g. Neon's host without
   * `-pooler`: a transaction-mode pooler cannot hold the session lock that keeps instances from racing.
   */
  directUrl?: string;
  /** Connections per pool (default 10). */
  poolMax?: number;
  /** Waiting for a connection, and running one statement, in ms (defaults 5 s and 15 s). */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** `host:port/path` of a local WebSocket-to-TCP proxy standing in for Neon's edge. */
  neonWsProxy?: string;
}

/**
 * The variables the database options come from. db/ imports nothing from lib/ (the arrow runs the
 * other way), so the app and the command-line scripts pass the validated environment (lib/env.ts)
 * in; this is the one place it is turned into options.
 */
export type DbEnv = Partial<
  Record<
    | 'DATABASE_URL'
    | 'DATABASE_DRIVER'
    | 'DATABASE_DIRECT_URL'
    | 'DATABASE_MIGRATE_ON_START'
    | 'GROUNDWORK_DATA_DIR'
    | 'NEON_WS_PROXY',
    string
  > &
    Record<'DATABASE_POOL_MAX' | 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS', string | number>
>;

export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'drizzle');

/** Which driver a URL and an explicit DATABASE_DRIVER select. */
export function selectDriver(url: string | undefined, explicit?: string): Driver {
  if (explicit === 'pglite' || explicit === 'pg' || explicit === 'neon') return explicit;
  if (!url) return 'pglite';
  try {
    const host = new URL(url).hostname;
    if (host.endsWith('.neon.tech') || host.endsWith('.neon.build')) return 'neon';
  } catch {
    throw new Error('DATABASE_URL is not a valid URL');
  }
  return 'pg';
}

const whole = (v: string | number | undefined) => (v === undefined || v === '' ? undefined : Number(v));

/** The options the running app (or a db script) uses, from its environment. */
export function optionsFromEnv(given: DbEnv): DbOptions {
  const env = given as DbEnv;
  const url = env.DATABASE_URL || undefined;
  const driver = selectDriver(url, env.DATABASE_DRIVER);
  const base = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.GROUNDWORK_DATA_DIR || '.data');
  return {
    url,
    directUrl: env.DATABASE_DIRECT_URL || undefined,
    driver,
    dataDir: path.join(base, 'pglite'),
    // The embedded database migrates itself so the zero-setup start needs nothing else.
    migrate: driver === 'pglite' || env.DATABASE_MIGRATE_ON_START === 'true',
    poolMax: whole(env.DATABASE_POOL_MAX),
    connectTimeoutMs: whole(env.DATABASE_CONNECT_TIMEOUT_MS),
    statementTimeoutMs: whole(env.DATABASE_STATEMENT_TIMEOUT_MS),
    neonWsProxy: env.NEON_WS_PROXY || undefined,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own and two processes on one folder silently lose writes,
 * so a pid file refuses a second opener while the first is alive.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = `${dir}.lock`;
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is already open in process ${pid}. ` +
          'Stop that process, or give this one its own folder with GROUNDWORK_DATA_DIR.',
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}

/** Bounds on waiting for and running statements, so a stuck database fails a request instead of hanging it. */
function poolTimeouts(options: DbOptions) {
  return {
    connectionTimeoutMillis: options.connectTimeoutMs || 5000,
    statement_timeout: options.statementTimeoutMs || 15000,
    idle_in_transaction_session_timeout: 30000,
  };
}

/** Opens a database with the chosen driver; the caller owns the handle and closes it. */
export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  const driver = options.driver ?? selectDriver(options.url);
  let handle: DbHandle;
  if (driver === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const dir = options.dataDir ?? 'memory://';
    const inMemory = dir.startsWith('memory://');
    const release = inMemory ? () => {} : lockDataDir(dir);
    const client = new PGlite(dir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    await client.waitReady;
    handle = {
      db: drizzle(client, { schema }) as unknown as Db,
      driver,
      options,
      close: async () => {
        await client.close();
        release();
      },
    };
  } else if (driver === 'pg') {
    if (!options.url) throw new Error('DATABASE_URL is required for the pg driver');
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new Pool({ connectionString: options.url, max: options.poolMax || 10, ...poolTimeouts(options) });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error('[db] idle connection lost:', err.message));
    handle = { db: drizzle(pool, { schema }) as unknown as Db, driver, options, close: () => pool.end(), migrationUrl: options.directUrl ?? options.url };
  } else {
    if (!options.url) throw new Error('DATABASE_URL is required for the neon driver');
    const { Pool, neonConfig } = await import('@neondatabase/serverless');
    const { drizzle } = await import('drizzle-orm/neon-serverless');
    await configureNeon(neonConfig, options.neonWsProxy);
    const pool = new Pool({ connectionString: options.url, max: options.poolMax || 10, ...poolTimeouts(options) });
    pool.on('error', (err: Error) => console.error('[db] idle connection lost:', err.message));
    handle = { db: drizzle(pool, { schema }) as unknown as Db, driver, options, close: () => pool.end(), migrationUrl: options.directUrl ?? options.url };
  }
  if (options.migrate) await migrateDatabase(handle);
  return handle;
}

async function configureNeon(neonConfig: typeof import('@neondatabase/serverless').neonConfig, proxy: string | undefined): Promise<void> {
  const { default: ws } = await import('ws');
  neonConfig.webSocketConstructor = ws;
  if (proxy) {
    // A local WebSocket-to-TCP proxy stands in for Neon's edge (development and tests).
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
}

/** The advisory-lock key every instance takes before migrating ("groundwork migrations"). */
export const MIGRATION_LOCK_KEY = 7_204_318_977;

/**
 * Applies every migration in drizzle/ that the database has not seen. On a server, on one session
 * of its own holding an advisory lock: instances starting together migrate one after the other,
 * and the later ones find nothing left to do.
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, config);
    return;
  }
  if (!handle.migrationUrl) throw new Error('This database handle does not say where to migrate.');
  if (handle.driver === 'pg') {
    const { Client } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const client = new Client({ connectionString: handle.migrationUrl, connectionTimeoutMillis: poolTimeouts(handle.options).connectionTimeoutMillis });
    await client.connect();
    await holdingLock(client, () => migrate(drizzle(client, { schema }), config));
  } else {
    const { Client, neonConfig } = await import('@neondatabase/serverless');
    const { drizzle } = await import('drizzle-orm/neon-serverless');
    const { migrate } = await import('drizzle-orm/neon-serverless/migrator');
    await configureNeon(neonConfig, handle.options.neonWsProxy);
    const client = new Client({ connectionString: handle.migrationUrl });
    await client.connect();
    await holdingLock(client, () => migrate(drizzle(client, { schema }), config));
  }
}

/** Runs the migrations on this session once it holds the migration lock, then ends the session. */
async function holdingLock(client: { query: (text: string, values: unknown[]) => Promise<unknown>; end: () => Promise<void> }, run: () => Promise<void>) {
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await run();
  } finally {
    // Ending the session releases the lock, also when a migration failed.
    await client.end();
  }
}

// One handle per process, kept on globalThis so hot reload does not open a second PGlite.
const holder = globalThis as unknown as { __groundworkDb?: Promise<DbHandle> };

/**
 * The process-wide database, opened (and for PGlite migrated) on first use with the options the
 * caller gives (the app: from its validated environment, in lib/data/context.ts).
 */
export function processDatabase(options: () => DbOptions): Promise<Db> {
  holder.__groundworkDb ??= openDatabase(options()).catch((err) => {
    holder.__groundworkDb = undefined;
    throw err;
  });
  return holder.__groundworkDb.then((h) => h.db);
}

/** Makes every later processDatabase() return this handle (tests and scripts). */
export function setProcessDatabase(handle: DbHandle): void {
  holder.__groundworkDb = Promise.resolve(handle);
}

export { schema };

/** Migrations in drizzle/ against those the database records: readiness reports them. */
export async function migrationStatus(db: Db): Promise<{ expected: number; applied: number; pending: number }> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const { sql } = await import('drizzle-orm');
  let applied = 0;
  let last = 0;
  try {
    const rows = (await db.execute(sql`select count(*)::int as applied, coalesce(max(created_at), 0)::bigint as last from drizzle.__drizzle_migrations`)) as unknown as
      | { rows: { applied: number; last: string | number }[] }
      | { applied: number; last: string | number }[];
    const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
    applied = Number(row.applied);
    last = Number(row.last);
  } catch (err) {
    // No migrations table yet: nothing applied. Anything else (database down) is the caller's to report.
    if (!/__drizzle_migrations|schema "drizzle" does not exist/.test(String((err as Error).cause ?? err))) throw err;
  }
  const pending = journal.entries.filter((e) => e.when > last).length;
  return { expected: journal.entries.length, applied, pending };
}
