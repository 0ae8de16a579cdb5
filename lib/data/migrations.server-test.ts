// Runs only with TEST_DATABASE_URL: instances starting together on an empty database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationStatus, openDatabase, type DbHandle } from '@/db';

const serverUrl = process.env.TEST_DATABASE_URL!;
const name = `groundwork_migrate_${Date.now()}_${randomBytes(4).toString('hex')}`;
const handles: DbHandle[] = [];

async function admin(query: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await admin(`drop database if exists "${name}" with (force)`);
});

describe('migrations on a shared server', () => {
  it('apply once when four instances migrate at the same moment', async () => {
    await admin(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    for (let i = 0; i < 4; i++) handles.push(await openDatabase({ driver: 'pg', url: url.toString() }));
    const results = await Promise.allSettled(handles.map((h) => migrateDatabase(h)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const status = await migrationStatus(handles[0].db);
    expect(status.pending).toBe(0);
    expect(status.applied).toBe(status.expected);
  });

  it('are reported pending on a database that lacks them', async () => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)');
    await client.end();
    const status = await migrationStatus(handles[0].db);
    expect(status.pending).toBe(1);
    expect(status.applied).toBe(status.expected - 1);
  });
});
