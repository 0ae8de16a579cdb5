import { describe, expect, it } from 'vitest';
import { appOrigin, devOutboxRefusal, productionProblems, type Env } from './env';

const shared = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db.internal:5432/groundwork',
  AUTH_SECRET: 'a'.repeat(43),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  APP_URL: 'https://groundwork.example.com',
  TRUSTED_PROXY_HOPS: '1',
};

describe('what production instances on one database must share', () => {
  it('accepts a complete configuration', () => {
    expect(productionProblems(shared, 'abc123')).toEqual([]);
  });

  it('asks nothing of the embedded database or of development', () => {
    expect(productionProblems({ NODE_ENV: 'production' }, undefined)).toEqual([]);
    expect(productionProblems({ NODE_ENV: 'development', DATABASE_URL: shared.DATABASE_URL }, undefined)).toEqual([]);
  });

  it('names each missing setting with what to do about it', () => {
    const problems = productionProblems({ NODE_ENV: 'production', DATABASE_URL: shared.DATABASE_URL }, undefined);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^AUTH_SECRET is not set.*openssl rand/);
    expect(problems[1]).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/);
    expect(problems[2]).toMatch(/NEXT_DEPLOYMENT_ID/);
    expect(problems[3]).toMatch(/^APP_URL is not set/);
    expect(problems[4]).toMatch(/^TRUSTED_PROXY_HOPS is not set.*CLIENT_IP_HEADER/);
  });

  it('also applies to Neon', () => {
    const { AUTH_SECRET: _, ...rest } = shared;
    expect(productionProblems({ ...rest, DATABASE_URL: 'postgres://u:p@ep-x.eu-central-1.aws.neon.tech/db' }, 'abc')).toEqual([
      expect.stringMatching(/^AUTH_SECRET/),
    ]);
  });

  it('refuses a server-action key that is not an AES key', () => {
    expect(productionProblems({ ...shared, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'not a key' }, 'abc')).toEqual([
      expect.stringMatching(/not a base64 AES key/),
    ]);
    expect(productionProblems({ ...shared, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString('base64') }, 'abc')).toHaveLength(1);
  });

  it('takes an explicit 0 hops, or a client-address header, as a decision', () => {
    expect(productionProblems({ ...shared, TRUSTED_PROXY_HOPS: '0' }, 'abc')).toEqual([]);
    const { TRUSTED_PROXY_HOPS: _, ...rest } = shared;
    expect(productionProblems({ ...rest, CLIENT_IP_HEADER: 'CF-Connecting-IP' }, 'abc')).toEqual([]);
  });

  it('reports malformed values instead of guessing', () => {
    expect(productionProblems({ ...shared, TRUSTED_PROXY_HOPS: 'two' }, 'abc')[0]).toMatch(/^TRUSTED_PROXY_HOPS:/);
    expect(productionProblems({ ...shared, APP_URL: 'groundwork.example.com' }, 'abc')[0]).toMatch(/^APP_URL:/);
  });
});

const base = { NODE_ENV: 'production', GROUNDWORK_DATA_DIR: '.data', TRUSTED_PROXY_HOPS: 0 } as Env;

describe('the development outbox in a production build', () => {
  it('refuses to start unless the server is bound to loopback', () => {
    const on = { ...base, GROUNDWORK_DEV_OUTBOX: '1' } as Env;
    // An unbound server reports "localhost"; so does a public one behind a name: neither is proof.
    for (const origin of [undefined, 'http://localhost:3000', 'http://0.0.0.0:3000', 'http://192.0.2.2:3000', 'http://127.0.0.1.evil.example:80']) {
      expect(devOutboxRefusal(on, origin), String(origin)).toMatch(/refuses to start/);
    }
    for (const origin of ['http://127.0.0.1:3000', 'http://[::1]:3000']) expect(devOutboxRefusal(on, origin)).toBeNull();
  });

  it('does not stand in the way without the flag, or outside production', () => {
    expect(devOutboxRefusal(base, 'http://localhost:3000')).toBeNull();
    expect(devOutboxRefusal({ ...base, NODE_ENV: 'development', GROUNDWORK_DEV_OUTBOX: '1' } as Env, undefined)).toBeNull();
  });
});

describe('the rest of the environment', () => {
  it('reports a malformed pool size, timeout, port or mail server by name', () => {
    const problems = productionProblems(
      { DATABASE_POOL_MAX: 'ten', DATABASE_STATEMENT_TIMEOUT_MS: '0', PORT: '70000', SMTP_URL: 'mail server', GROUNDWORK_VIEW_CACHE: 'no' },
      undefined,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_POOL_MAX: .*whole number/),
      expect.stringMatching(/^DATABASE_STATEMENT_TIMEOUT_MS: .*between 1 and/),
      expect.stringMatching(/^PORT: .*between 1 and 65535/),
      expect.stringMatching(/^SMTP_URL: .*smtp:\/\//),
      expect.stringMatching(/^GROUNDWORK_VIEW_CACHE: /),
    ]);
  });

  it('takes empty values as unset', () => {
    expect(productionProblems({ DATABASE_POOL_MAX: '', PORT: ' ', SMTP_URL: '', CRON_SECRET: '' }, undefined)).toEqual([]);
  });

  it('builds links on APP_URL, then AUTH_URL, then the request, then this server', () => {
    const none = { APP_URL: undefined, AUTH_URL: undefined, PORT: 3100 };
    expect(appOrigin('https://req.example', { ...none, APP_URL: 'https://app.example/', AUTH_URL: 'https://auth.example' })).toBe('https://app.example');
    expect(appOrigin('https://req.example', { ...none, AUTH_URL: 'https://auth.example/' })).toBe('https://auth.example');
    expect(appOrigin('https://req.example/', none)).toBe('https://req.example');
    expect(appOrigin(undefined, none)).toBe('http://localhost:3100');
  });
});
