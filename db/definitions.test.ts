// db/sql holds the current definition of every rule function and trigger: rebuilt from db/sql alone,
// a migrated database reads back exactly as the migrations left it.
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/test/db';
import { applySqlFiles, dropDefinitions, readDefinitions, readSqlFile, SQL_FILES, statementsOf } from './definitions';

const handle = testDatabase();
let migrated: Record<string, string>;
const DRIFT = 'db/sql and the migrations disagree: `npm run db:sql -- <name>` writes the migration db/sql needs';

beforeAll(async () => {
  migrated = await readDefinitions(handle.db);
});

describe('db/sql', () => {
  it('reads the rule functions and triggers the migrations created', () => {
    expect(Object.keys(migrated)).toEqual(
      expect.arrayContaining([
        'function drinks_past_limit(integer)',
        'function opportunities_set_credit()',
        'function rebuild_channel_days(uuid)',
        'trigger channel_days_efforts_write on efforts',
        'trigger efforts_version_update on efforts',
      ]),
    );
  });

  it('defines every function and trigger as the migrated database has it, and nothing more', async () => {
    await dropDefinitions(handle.db);
    expect(await readDefinitions(handle.db)).toEqual({});
    await applySqlFiles(handle.db);
    expect(await readDefinitions(handle.db), DRIFT).toEqual(migrated);
  });

  it('applies again over itself without changing a definition', async () => {
    await applySqlFiles(handle.db);
    expect(await readDefinitions(handle.db)).toEqual(migrated);
  });

  it('creates functions and triggers only in ways that can run again', () => {
    for (const name of SQL_FILES) {
      for (const statement of statementsOf(readSqlFile(name))) {
        const code = statement.replace(/^\s*--.*$/gm, '');
        expect(code, `${name}.sql`).not.toMatch(/\bCREATE\s+FUNCTION\b/i);
        const trigger = /\bCREATE\s+TRIGGER\s+(\w+)\s[\s\S]*?\sON\s+(\w+)/i.exec(code);
        if (trigger && !/^\s*DO\s/i.test(code)) {
          expect(readSqlFile(name), `${name}.sql drops ${trigger[1]} before creating it`).toContain(
            `DROP TRIGGER IF EXISTS ${trigger[1]} ON ${trigger[2]};`,
          );
        }
      }
    }
  });
});
