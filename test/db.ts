// Gives each test file its own database: a copy of the migrated PGlite template, or a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { migrateDatabase, openDatabase, setProcessDatabase, type Driver, type DbHandle } from '@/db';
import { startNeonProxy } from './neon-proxy';

/** Where the global setup leaves the migrated PGlite template. */
export const TEMPLATE = path.resolve(import.meta.dirname, '..', '.test-data', 'pglite-template.tar.gz');

export async function setupTestDatabase(options: { driver?: Driver } = {}): Promise<DbHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl && !options.driver) {
    const loadDataDir = existsSync(TEMPLATE) ? new Blob([readFileSync(TEMPLATE)]) : undefined;
    const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://', loadDataDir, migrate: !loadDataDir });
    setProcessDatabase(handle);
    return handle;
  }
  if (!serverUrl) throw new Error(`TEST_DATABASE_URL is required for the ${options.driver} driver`);
  const name = `groundwork_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const driver = options.driver ?? 'pg';
  const proxy = driver === 'neon' ? await startNeonProxy() : null;
  const handle = await openDatabase({ driver, url: url.toString(), neonWsProxy: proxy?.url });
  await migrateDatabase(handle);
  setProcessDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await proxy?.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/**
 * This test file's own database, opened before its tests and closed after them. What it returns
 * stands for the open handle, so the file can name it at the top; reading it before it opens throws.
 */
export function testDatabase(options: { driver?: Driver } = {}): DbHandle {
  let opened: DbHandle | undefined;
  beforeAll(async () => {
    opened = await setupTestDatabase(options);
  });
  afterAll(async () => {
    await opened?.close();
  });
  return new Proxy({} as DbHandle, {
    get(_, key) {
      if (!opened) throw new Error('The test database opens in beforeAll: use it in a hook or a test.');
      return Reflect.get(opened, key);
    },
  });
}
