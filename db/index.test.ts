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

  it('carries the pool bounds and the Neon proxy, leaving defaults to the driver when unset', () => {
    expect(
      optionsFromEnv({ DATABASE_URL: 'postgres://u@h/db', DATABASE_POOL_MAX: 4, DATABASE_CONNECT_TIMEOUT_MS: '2500', NEON_WS_PROXY: '127.0.0.1:9/v1' }),
    ).toMatchObject({ poolMax: 4, connectTimeoutMs: 2500, statementTimeoutMs: undefined, neonWsProxy: '127.0.0.1:9/v1' });
    expect(optionsFromEnv({ DATABASE_POOL_MAX: '' }).poolMax).toBeUndefined();
  });

  it('refuses a malformed URL with a clear message', () => {
    expect(() => selectDriver('not a url')).toThrow('DATABASE_URL is not a valid URL');
  });
});
