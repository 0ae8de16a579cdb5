import { describe, expect, it } from 'vitest';
import { optionsFromEnv, selectDriver } from './index';

describe('driver selection', () => {
  it('uses the embedded database when nothing is configured', () => {
    expect(selectDriver(undefined)).toBe('pglite');
    const options = optionsFromEnv({ GROUNDWORK_DATA_DIR: '/tmp/gw-x' });
    expect(options).toMatchObject({ driver: 'pglite', dataDir: '/tmp/gw-x/pglite', migrate: true });
  });

  it('uses node-postgres for a postgres URL and Neon for a Neon host', () => {
    expect(selectDriver('postgres://u@127.0.0.1:5432/db')).toBe('pg');
    expect(selectDriver('postgresql://u:p@ep-cool-1.eu-central-1.aws.neon.tech/db?sslmode=require')).toBe('neon');
    expect(selectDriver('postgres://u@127.0.0.1/db', 'neon')).toBe('neon');
  });

  it('does not migrate a server on start unless asked', () => {
    expect(optionsFromEnv({ DATABASE_URL: 'postgres://u@h/db' }).migrate).toBe(false);
    expect(optionsFromEnv({ DATABASE_URL: 'postgres://u@h/db', DATABASE_MIGRATE_ON_START: 'true' }).migrate).toBe(true);
  });

  it('refuses a malformed URL with a clear message', () => {
    expect(() => selectDriver('not a url')).toThrow('DATABASE_URL is not a valid URL');
  });
});
