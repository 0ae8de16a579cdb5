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
}

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

/** The options the running app uses, from its environment. */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): DbOptions {
  const url = env.DATABASE_URL || undefined;
  const driver = selectDriver(url, env.DATABASE_DRIVER);
  const base = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.GROUNDWORK_DATA_DIR || '.data');
  return {
    url,
    driver,
    dataDir: path.join(base, 'pglite'),
    // The embedded database migrates itself so the zero-setup start needs nothing else.
    migrate: driver === 'pglite' || env.DATABASE_MIGRATE_ON_START === 'true',
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
function poolTimeouts() {
  return {
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS || 5000),
    statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS || 15000),
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
      close: async () => {
        await client.close();
        release();
      },
    };
  } else if (driver === 'pg') {
    if (!options.url) throw new Error('DATABASE_URL is required for the pg driver');
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new Pool({ connectionString: options.url, max: Number(process.env.DATABASE_POOL_MAX || 10), ...poolTimeouts() });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error('[db] idle connection lost:', err.message));
    handle = { db: drizzle(pool, { schema }) as unknown as Db, driver, close: () => pool.end() };
  } else {
    if (!options.url) throw new Error('DATABASE_URL is required for the neon driver');
    const { Pool, neonConfig } = await import('@neondatabase/serverless');
    const { drizzle } = await import('drizzle-orm/neon-serverless');
    const { default: ws } = await import('ws');
    neonConfig.webSocketConstructor = ws;
    const proxy = process.env.NEON_WS_PROXY;
    if (proxy) {
      // A local WebSocket-to-TCP proxy stands in for Neon's edge (development and tests).
      neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineConnect = false;
      neonConfig.pipelineTLS = false;
    }
    const pool = new Pool({ connectionString: options.url, max: Number(process.env.DATABASE_POOL_MAX || 10), ...poolTimeouts() });
    pool.on('error', (err: Error) => console.error('[db] idle connection lost:', err.message));
    handle = { db: drizzle(pool, { schema }) as unknown as Db, driver, close: () => pool.end() };
  }
  if (options.migrate) await migrateDatabase(handle);
  return handle;
}

/** Applies every migration in drizzle/ that the database has not seen. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, config);
  } else if (handle.driver === 'pg') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, config);
  } else {
    const { migrate } = await import('drizzle-orm/neon-serverless/migrator');
    await migrate(handle.db as never, config);
  }
}

// One handle per process, kept on globalThis so hot reload does not open a second PGlite.
const holder = globalThis as unknown as { __groundworkDb?: Promise<DbHandle> };

/** The process-wide database, opened (and for PGlite migrated) on first use. */
export function getDb(): Promise<Db> {
  holder.__groundworkDb ??= openDatabase(optionsFromEnv()).catch((err) => {
    holder.__groundworkDb = undefined;
    throw err;
  });
  return holder.__groundworkDb.then((h) => h.db);
}

/** Makes every later getDb() return this handle (tests and scripts). */
export function setProcessDatabase(handle: DbHandle): void {
  holder.__groundworkDb = Promise.resolve(handle);
}

/** Closes the process-wide database if it was opened. */
export async function closeDb(): Promise<void> {
  const pending = holder.__groundworkDb;
  holder.__groundworkDb = undefined;
  if (pending) await (await pending).close();
}

export { schema };
