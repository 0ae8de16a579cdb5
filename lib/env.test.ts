import { describe, expect, it } from 'vitest';
import { devOutboxRefusal, type Env } from './env';

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
