import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { throttles } from '@/db/schema';
import { testDatabase } from '@/test/db';
import {
  clearThrottle,
  clientAddress,
  SHARED_ADDRESS,
  getLock,
  lockDurationMs,
  pruneThrottles,
  recordFailure,
  retryMessage,
  SIGN_IN_ACCOUNT,
  takeRateLimit,
  takeRateLimits,
  throttleKey,
} from './throttle';

const handle = testDatabase();

const MIN = 60_000;
const t0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('lock durations', () => {
  it('start after the fifth failure at one minute and double up to an hour', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40].map((n) => lockDurationMs(n, SIGN_IN_ACCOUNT) / MIN);
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe('failure lockouts', () => {
  it('locks after five failures, lets the lock expire, and doubles it on the next failure', async () => {
    const key = 'signin:email:grow@example.com';
    for (let i = 0; i < 4; i++) expect((await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(i * 1000) })).lockedUntil).toBeNull();
    expect(await getLock([key], { now: at(5000) })).toBeNull();

    const fifth = await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(5000) });
    expect(fifth.lockedUntil).toEqual(at(5000 + MIN));
    expect(await getLock([key], { now: at(5000) })).toEqual({ retryAfterMs: MIN });
    expect(await getLock([key], { now: at(35_000) })).toEqual({ retryAfterMs: 30_000 });
    // The lock runs out on its own.
    expect(await getLock([key], { now: at(5000 + MIN) })).toBeNull();

    const sixth = await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(2 * MIN) });
    expect(sixth).toEqual({ failures: 6, lockedUntil: at(4 * MIN) });
    const seventh = await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(5 * MIN) });
    expect(seventh.lockedUntil).toEqual(at(9 * MIN));
  });

  it('reports the longest lock among several keys and ignores keys never seen', async () => {
    const a = 'signin:email:a@example.com';
    const b = 'signin:ip:203.0.113.9';
    for (let i = 0; i < 5; i++) await recordFailure(a, SIGN_IN_ACCOUNT, { now: t0 });
    for (let i = 0; i < 7; i++) await recordFailure(b, SIGN_IN_ACCOUNT, { now: t0 });
    expect(await getLock([a, b, 'signin:email:never@example.com'], { now: t0 })).toEqual({ retryAfterMs: 4 * MIN });
    expect(await getLock(['signin:email:never@example.com'], { now: t0 })).toBeNull();
  });

  it('forgets old failures when no lock is running, and a success clears the key', async () => {
    const key = 'signin:email:typo@example.com';
    for (let i = 0; i < 4; i++) await recordFailure(key, SIGN_IN_ACCOUNT, { now: t0 });
    const nextDay = await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(25 * 60 * MIN) });
    expect(nextDay).toEqual({ failures: 1, lockedUntil: null });

    for (let i = 0; i < 4; i++) await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(25 * 60 * MIN) });
    expect(await getLock([key], { now: at(25 * 60 * MIN) })).not.toBeNull();
    await clearThrottle(key);
    expect(await getLock([key], { now: at(25 * 60 * MIN) })).toBeNull();
    expect((await recordFailure(key, SIGN_IN_ACCOUNT, { now: at(25 * 60 * MIN) })).failures).toBe(1);
  });

  it('counts every one of many simultaneous failures', async () => {
    const key = 'signin:email:burst@example.com';
    await Promise.all(Array.from({ length: 8 }, () => recordFailure(key, SIGN_IN_ACCOUNT, { now: t0 })));
    const [row] = await handle.db.select().from(throttles).where(eq(throttles.key, key));
    expect(row.failures).toBe(8);
  });
});

describe('rate limits', () => {
  it('allows one a minute, refuses within the minute with the time left, and allows again after', async () => {
    const key = 'resend:user:u1:minute';
    const limit = { max: 1, windowMs: MIN };
    expect(await takeRateLimit(key, limit, { now: t0 })).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await takeRateLimit(key, limit, { now: at(20_000) })).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(await takeRateLimit(key, limit, { now: at(59_999) })).toMatchObject({ allowed: false });
    expect(await takeRateLimit(key, limit, { now: at(MIN) })).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('stops at five a day even when each is a minute apart', async () => {
    const budgets: Array<[string, { max: number; windowMs: number }]> = [
      ['resend:user:u2:minute', { max: 1, windowMs: MIN }],
      ['resend:user:u2:day', { max: 5, windowMs: 24 * 60 * MIN }],
    ];
    const results = [];
    for (let i = 0; i < 7; i++) results.push((await takeRateLimits(budgets, { now: at(i * 2 * MIN) })).allowed);
    expect(results).toEqual([true, true, true, true, true, false, false]);
    const refused = await takeRateLimits(budgets, { now: at(14 * MIN) });
    expect(refused.retryAfterMs).toBe(24 * 60 * MIN - 14 * MIN);
    expect((await takeRateLimits(budgets, { now: at(24 * 60 * MIN) })).allowed).toBe(true);
  });

  it('prunes counters that no longer matter but keeps running locks', async () => {
    await takeRateLimit('prune:old', { max: 1, windowMs: MIN }, { now: t0 });
    for (let i = 0; i < 5; i++) await recordFailure('prune:locked', { ...SIGN_IN_ACCOUNT, maxLockMs: 1000 * MIN, baseLockMs: 1000 * MIN }, { now: t0 });
    await pruneThrottles(at(MIN), { now: at(2 * MIN) });
    const keys = (await handle.db.select({ key: throttles.key }).from(throttles)).map((r) => r.key);
    expect(keys).not.toContain('prune:old');
    expect(keys).toContain('prune:locked');
  });
});

describe('the shared bucket', () => {
  it('is limited like any address: clients nobody can tell apart still meet the limits', async () => {
    const key = throttleKey.signUpAddress(SHARED_ADDRESS);
    expect(key).toBe('signup:ip:shared');
    expect((await takeRateLimit(key, { max: 1, windowMs: MIN }, { now: t0 })).allowed).toBe(true);
    expect((await takeRateLimit(key, { max: 1, windowMs: MIN }, { now: t0 })).allowed).toBe(false);
    expect(throttleKey.signInAddress('203.0.113.5')).toBe('signin:ip:203.0.113.5');
  });
});

describe('client address', () => {
  const h = (entries: Record<string, string>) => new Headers(entries);
  const none = { hops: 0 };
  const oneProxy = { hops: 1 };

  it('trusts no forwarded header by default: forged values all land in the shared bucket', () => {
    for (const forged of ['203.0.113.7', '198.51.100.1, 203.0.113.7', '10.0.0.1']) {
      expect(clientAddress(h({ 'x-forwarded-for': forged }), none)).toBe(SHARED_ADDRESS);
    }
    expect(clientAddress(h({ 'x-real-ip': '2001:db8::1' }), none)).toBe(SHARED_ADDRESS);
    expect(clientAddress(h({}), none)).toBe(SHARED_ADDRESS);
  });

  it('takes the entry the trusted proxies appended, counted from the right, whatever the client put in front', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), oneProxy)).toBe('203.0.113.7');
    // A client writing its own header gets one extra entry in front, which changes nothing.
    expect(clientAddress(h({ 'x-forwarded-for': '1.2.3.4, 203.0.113.7' }), oneProxy)).toBe('203.0.113.7');
    expect(clientAddress(h({ 'x-forwarded-for': '9.9.9.9, 203.0.113.7, 10.0.0.2' }), { hops: 2 })).toBe('203.0.113.7');
    // Fewer entries than proxies: it did not pass through them all.
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), { hops: 2 })).toBe(SHARED_ADDRESS);
    expect(clientAddress(h({}), oneProxy)).toBe(SHARED_ADDRESS);
  });

  it("reads the platform's own header when one is named, and nothing else", () => {
    const vercel = { hops: 0, header: 'x-vercel-forwarded-for' };
    expect(clientAddress(h({ 'x-vercel-forwarded-for': '203.0.113.8', 'x-forwarded-for': '1.1.1.1' }), vercel)).toBe('203.0.113.8');
    expect(clientAddress(h({ 'x-forwarded-for': '1.1.1.1' }), vercel)).toBe(SHARED_ADDRESS);
  });

  it('gives one IPv6 network one bucket, and one form to each address', () => {
    const a = clientAddress(h({ 'x-forwarded-for': '2001:db8:1:2::1' }), oneProxy);
    const b = clientAddress(h({ 'x-forwarded-for': '2001:db8:1:2:aaaa:bbbb:cccc:dddd' }), oneProxy);
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
    expect(clientAddress(h({ 'x-forwarded-for': '2001:db8:1:3::1' }), oneProxy)).not.toBe(a);
    expect(clientAddress(h({ 'x-forwarded-for': '::ffff:192.0.2.1' }), oneProxy)).toBe('192.0.2.1');
    expect(clientAddress(h({ 'x-forwarded-for': '192.0.2.1:51234' }), oneProxy)).toBe('192.0.2.1');
    expect(clientAddress(h({ 'x-forwarded-for': '[2001:db8::1]:443' }), oneProxy)).toBe('2001:db8:0:0::/64');
  });

  it('refuses values that are not addresses, so keys cannot be stuffed', () => {
    for (const junk of ['signin:email:x@example.com', '1'.repeat(200), '256.1.1.1', '1:2:3:4:5:6:7:8:9', 'a::b::c']) {
      expect(clientAddress(h({ 'x-forwarded-for': junk }), oneProxy)).toBe(SHARED_ADDRESS);
    }
  });
});

describe('retry message', () => {
  it('rounds up to whole minutes', () => {
    expect(retryMessage(1)).toBe('Try again in 1 minute.');
    expect(retryMessage(61_000)).toBe('Try again in 2 minutes.');
    expect(retryMessage(60 * MIN)).toBe('Try again in 60 minutes.');
  });
});
