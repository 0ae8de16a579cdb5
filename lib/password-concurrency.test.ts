import { afterEach, describe, expect, it, vi } from 'vitest';

// scrypt is replaced by a controllable stand-in so the test can see how many run at once.
const scryptCalls = vi.hoisted(() => ({ running: 0, peak: 0, fail: false, pending: [] as Array<() => void> }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    scrypt: (_password: string, _salt: Buffer, keylen: number, _options: object, callback: (err: Error | null, key: Buffer) => void) => {
      scryptCalls.running++;
      scryptCalls.peak = Math.max(scryptCalls.peak, scryptCalls.running);
      const fail = scryptCalls.fail;
      scryptCalls.pending.push(() => {
        scryptCalls.running--;
        if (fail) callback(new Error('out of memory'), Buffer.alloc(0));
        else callback(null, Buffer.alloc(keylen, 7));
      });
    },
  };
});

const { hashPassword, MAX_CONCURRENT_HASHES } = await import('./password');

async function flush() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

afterEach(() => {
  scryptCalls.running = 0;
  scryptCalls.peak = 0;
  scryptCalls.pending = [];
  scryptCalls.fail = false;
});

describe('password hashing concurrency', () => {
  it(`runs at most ${MAX_CONCURRENT_HASHES} hashes at once and queues the rest in order`, async () => {
    expect(MAX_CONCURRENT_HASHES).toBe(4);
    const all = Array.from({ length: 10 }, (_, i) => hashPassword(`password number ${i}`));
    await flush();
    expect(scryptCalls.running).toBe(MAX_CONCURRENT_HASHES);

    // Finishing one lets exactly one waiting hash start.
    scryptCalls.pending.shift()!();
    await flush();
    expect(scryptCalls.running).toBe(MAX_CONCURRENT_HASHES);

    while (scryptCalls.pending.length) {
      scryptCalls.pending.shift()!();
      await flush();
    }
    const hashes = await Promise.all(all);
    expect(hashes).toHaveLength(10);
    expect(scryptCalls.peak).toBe(MAX_CONCURRENT_HASHES);
    expect(scryptCalls.running).toBe(0);
  });

  it('frees its slot when a hash fails, so later hashes still run', async () => {
    scryptCalls.fail = true;
    const failures = Array.from({ length: MAX_CONCURRENT_HASHES }, () => hashPassword('will fail'));
    await flush();
    scryptCalls.fail = false;
    for (const finish of scryptCalls.pending.splice(0)) finish();
    for (const f of failures) await expect(f).rejects.toThrow('out of memory');
    const next = hashPassword('runs after');
    await flush();
    expect(scryptCalls.running).toBe(1);
    scryptCalls.pending.shift()!();
    await expect(next).resolves.toMatch(/^scrypt\$17\$/);
  });
});
