import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { throttles } from '@/db/schema';
import type { Executor } from '@/db';
import { env } from '@/lib/env';
import { executor } from './context';

// Counters live in the database, not in memory, so every app server sees the same attempts.

/** Failures before a key locks, and how long the locks last as failures go on. */
export interface LockPolicy {
  threshold: number;
  baseLockMs: number;
  maxLockMs: number;
  /** Failures older than this (and no lock running) are forgotten: a typo last week does not count. */
  forgetAfterMs: number;
}

/** At most `max` hits per window of `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Wrong passwords for one account: after 5, lock 1 min, then 2, 4, … up to an hour. */
export const SIGN_IN_ACCOUNT: LockPolicy = { threshold: 5, baseLockMs: MINUTE, maxLockMs: HOUR, forgetAfterMs: DAY };
/** Wrong passwords from one address, over any accounts; higher because offices share an address. */
export const SIGN_IN_ADDRESS: LockPolicy = { threshold: 20, baseLockMs: MINUTE, maxLockMs: HOUR, forgetAfterMs: DAY };

export const LIMITS = {
  signUpPerAddress: { max: 10, windowMs: HOUR },
  signUpNoticePerAccount: { max: 3, windowMs: DAY },
  resetPerAddress: { max: 10, windowMs: HOUR },
  resetPerAccount: { max: 3, windowMs: HOUR },
  resendPerAccountMinute: { max: 1, windowMs: MINUTE },
  resendPerAccountDay: { max: 5, windowMs: DAY },
  resendPerAddress: { max: 20, windowMs: HOUR },
} as const satisfies Record<string, RateLimit>;

/** How long any counter can matter: the longest window, or the time after which failures are forgotten. */
export const THROTTLE_MEMORY_MS = Math.max(
  SIGN_IN_ACCOUNT.forgetAfterMs,
  SIGN_IN_ADDRESS.forgetAfterMs,
  ...Object.values(LIMITS).map((l) => l.windowMs),
);

/**
 * The bucket of every client the deployment cannot tell apart (no trusted proxy or platform header
 * says who they are). It is limited like any address: a shared limit is better than none.
 */
export const SHARED_ADDRESS = 'shared';

function addressKey(prefix: string, ip: string): string {
  return `${prefix}:ip:${ip}`;
}

/** Throttle keys, one place so every caller spells them alike. */
export const throttleKey = {
  signInAccount: (email: string) => `signin:email:${email.trim().toLowerCase()}`,
  signInAddress: (ip: string) => addressKey('signin', ip),
  signInDevice: (nonce: string) => `signin:device:${nonce}`,
  signUpAddress: (ip: string) => addressKey('signup', ip),
  signUpNotice: (email: string) => `signup-notice:email:${email.trim().toLowerCase()}`,
  resetAddress: (ip: string) => addressKey('reset', ip),
  resetAccount: (email: string) => `reset:email:${email.trim().toLowerCase()}`,
  resendAccountMinute: (userId: string) => `resend:user:${userId}:minute`,
  resendAccountDay: (userId: string) => `resend:user:${userId}:day`,
  resendAddress: (ip: string) => addressKey('resend', ip),
  resendEmail: (email: string) => `resend:email:${email.trim().toLowerCase()}`,
};

/** How long a key locks after its n-th consecutive failure; 0 below the threshold. */
export function lockDurationMs(failures: number, policy: LockPolicy): number {
  if (failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

interface Opts {
  now?: Date;
  tx?: Executor;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Counts one hit on the key in one upsert: a new key starts at 1, a known one takes `set`. */
async function countHit(db: Executor, key: string, now: Date, set: { failures: SQL; updatedAt: Date | SQL }) {
  const [row] = await db
    .insert(throttles)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({ target: throttles.key, set })
    .returning({ failures: throttles.failures, updatedAt: throttles.updatedAt });
  return row;
}

/** The longest lock still running on any of the keys, or null when none is locked. */
export async function getLock(keyList: Array<string | null>, { now = new Date(), tx }: Opts = {}): Promise<{ retryAfterMs: number } | null> {
  const keys = keyList.filter((k): k is string => k !== null);
  if (keys.length === 0) return null;
  const db = await executor({ tx });
  const rows = await db.select({ lockedUntil: throttles.lockedUntil }).from(throttles).where(inArray(throttles.key, keys));
  let longest = 0;
  for (const r of rows) {
    if (r.lockedUntil) longest = Math.max(longest, r.lockedUntil.getTime() - now.getTime());
  }
  return longest > 0 ? { retryAfterMs: longest } : null;
}

/** Counts one failure on the key and locks it when the policy says so. */
export async function recordFailure(
  key: string | null,
  policy: LockPolicy,
  { now = new Date(), tx }: Opts = {},
): Promise<{ failures: number; lockedUntil: Date | null }> {
  if (key === null) return { failures: 0, lockedUntil: null };
  const db = await executor({ tx });
  const staleBefore = new Date(now.getTime() - policy.forgetAfterMs);
  const row = await countHit(db, key, now, {
    // An atomic increment, so concurrent failures from many servers are all counted.
    failures: sql`case when ${throttles.updatedAt} < ${ts(staleBefore)} and (${throttles.lockedUntil} is null or ${throttles.lockedUntil} <= ${ts(now)}) then 1 else ${throttles.failures} + 1 end`,
    updatedAt: now,
  });
  const lockMs = lockDurationMs(row.failures, policy);
  if (lockMs === 0) return { failures: row.failures, lockedUntil: null };
  const lockedUntil = new Date(now.getTime() + lockMs);
  await db.update(throttles).set({ lockedUntil }).where(eq(throttles.key, key));
  return { failures: row.failures, lockedUntil };
}

/** Forgets the key's failures (a successful sign-in, a password reset). */
export async function clearThrottle(keys: string | string[], { tx }: Opts = {}): Promise<void> {
  const list = Array.isArray(keys) ? keys : [keys];
  if (list.length === 0) return;
  const db = await executor({ tx });
  await db.delete(throttles).where(inArray(throttles.key, list));
}

/**
 * Takes one hit from a fixed-window budget; `allowed` is false once the window's budget is spent,
 * with the time until the window ends. One upsert, so concurrent hits cannot overspend.
 */
export async function takeRateLimit(
  key: string | null,
  limit: RateLimit,
  { now = new Date(), tx }: Opts = {},
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  if (key === null) return { allowed: true, retryAfterMs: 0 };
  const db = await executor({ tx });
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const expired = sql`${throttles.updatedAt} <= ${ts(windowStart)}`;
  // updated_at holds when the current window opened; failures counts the hits in it.
  const row = await countHit(db, key, now, {
    failures: sql`case when ${expired} then 1 else ${throttles.failures} + 1 end`,
    updatedAt: sql`case when ${expired} then ${ts(now)} else ${throttles.updatedAt} end`,
  });
  const allowed = row.failures <= limit.max;
  const retryAfterMs = allowed ? 0 : Math.max(0, row.updatedAt.getTime() + limit.windowMs - now.getTime());
  return { allowed, retryAfterMs };
}

/** Takes a hit from each budget in turn, stopping at the first one that is spent. */
export async function takeRateLimits(
  budgets: Array<[string | null, RateLimit]>,
  opts: Opts = {},
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  for (const [key, limit] of budgets) {
    const result = await takeRateLimit(key, limit, opts);
    if (!result.allowed) return result;
  }
  return { allowed: true, retryAfterMs: 0 };
}

/** Deletes counters that no longer matter (for a scheduled clean-up). */
export async function pruneThrottles(olderThan: Date, { now = new Date(), tx }: Opts = {}): Promise<void> {
  const db = await executor({ tx });
  await db
    .delete(throttles)
    .where(and(lt(throttles.updatedAt, olderThan), or(isNull(throttles.lockedUntil), lt(throttles.lockedUntil, now))));
}

/** Deletes every counter about one person (account deletion). */
export async function deleteThrottlesFor(email: string, userId: string, { tx }: Opts = {}): Promise<void> {
  const db = await executor({ tx });
  const e = email.trim().toLowerCase();
  await db
    .delete(throttles)
    .where(
      inArray(throttles.key, [
        throttleKey.signInAccount(e),
        throttleKey.signUpNotice(e),
        throttleKey.resetAccount(e),
        throttleKey.resendEmail(e),
        throttleKey.resendAccountMinute(userId),
        throttleKey.resendAccountDay(userId),
      ]),
    );
}

/** Where the client's address comes from, as the deployment declares it (lib/env.ts). */
export interface ProxyTrust {
  /** Proxies in front of the app that each append to X-Forwarded-For; 0 trusts none of it. */
  hops: number;
  /** A header that the platform sets to the client's address, overwriting what the client sent. */
  header?: string;
}

function proxyTrustFromEnv(): ProxyTrust {
  const e = env();
  return { hops: e.TRUSTED_PROXY_HOPS, header: e.CLIENT_IP_HEADER };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  if (!/^[0-9a-f:.]{2,45}$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (h: string) => (h === '' ? [] : h.split(':'));
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  // An embedded IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const last = (tail.length ? tail : head).at(-1);
  const v4 = last ? IPV4.exec(last) : null;
  const groups = (list: string[]) => list.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  let tailGroups = groups(v4 && tail.length ? tail.slice(0, -1) : tail);
  let headGroups = groups(v4 && !tail.length ? head.slice(0, -1) : head);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    const extra = [(a << 8) | b, (c << 8) | d];
    if (tail.length) tailGroups = [...tailGroups, ...extra];
    else headGroups = [...headGroups, ...extra];
  }
  const fill = 8 - headGroups.length - tailGroups.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const all = [...headGroups, ...Array<number>(fill).fill(0), ...tailGroups];
  return all.some((g) => Number.isNaN(g)) ? null : all;
}

/**
 * One address in a canonical form, or null when the text is no address: IPv4 as dotted quads
 * (also when mapped into IPv6 or followed by a port), IPv6 cut to its /64 network, because one
 * subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
 */
export function normaliseAddress(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  if (text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  const v4 = IPV4.exec(text);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? v4.slice(1).map(Number).join('.') : null;
  const groups = ipv6Groups(text);
  if (!groups) return null;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * The client's address, taken only from what the deployment says it can trust: the platform's
 * own header when CLIENT_IP_HEADER names one, else the entry TRUSTED_PROXY_HOPS places from the
 * right of X-Forwarded-For (entries further left were written by the client and prove nothing).
 * With neither, every client shares one bucket: Next.js does not expose the socket's address to
 * actions apart from an X-Forwarded-For it fills in only when the client sent none, which a
 * client can therefore forge at will.
 */
export function clientAddress(h: Pick<Headers, 'get'>, trust: ProxyTrust = proxyTrustFromEnv()): string {
  if (trust.header) {
    const value = h.get(trust.header);
    return (value && normaliseAddress(value)) || SHARED_ADDRESS;
  }
  if (trust.hops > 0) {
    const entries = (h.get('x-forwarded-for') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
    // Fewer entries than proxies: the request did not come through them all.
    if (entries.length < trust.hops) return SHARED_ADDRESS;
    return normaliseAddress(entries[entries.length - trust.hops]) ?? SHARED_ADDRESS;
  }
  return SHARED_ADDRESS;
}

/** "Try again in N minutes." for a wait, rounded up to whole minutes. */
export function retryMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  return `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
