import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { throttles } from '@/db/schema';
import type { Executor } from '@/db';
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

/** What clientAddress returns when no proxy says who the client is. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * A per-address key, or null for the unknown address. Without a proxy header every client is
 * "unknown"; one shared bucket would let a single visitor lock everyone out (and would stop a test
 * suite or a local demo), so only per-account limits apply then.
 */
function addressKey(prefix: string, ip: string): string | null {
  return ip === UNKNOWN_ADDRESS ? null : `${prefix}:ip:${ip}`;
}

/** Throttle keys, one place so every caller spells them alike. */
export const throttleKey = {
  signInAccount: (email: string) => `signin:email:${email.trim().toLowerCase()}`,
  signInAddress: (ip: string) => addressKey('signin', ip),
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
  const [row] = await db
    .insert(throttles)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        // An atomic increment, so concurrent failures from many servers are all counted.
        failures: sql`case when ${throttles.updatedAt} < ${ts(staleBefore)} and (${throttles.lockedUntil} is null or ${throttles.lockedUntil} <= ${ts(now)}) then 1 else ${throttles.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning({ failures: throttles.failures });
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
  const [row] = await db
    .insert(throttles)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${throttles.failures} + 1 end`,
        updatedAt: sql`case when ${expired} then ${ts(now)} else ${throttles.updatedAt} end`,
      },
    })
    .returning({ failures: throttles.failures, updatedAt: throttles.updatedAt });
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

const ADDRESS_SHAPE = /^[0-9A-Fa-f:.[\]]{2,64}$/;
const LOOPBACK = /^(127\.|::1$|\[::1\]$|::ffff:127\.)/i;

/**
 * The client's address as the proxy in front of the app reports it: the first x-forwarded-for
 * entry, else x-real-ip, else 'unknown'. Anything not shaped like an address counts as unknown,
 * and so does loopback: with no proxy in front, Next.js fills in the socket's address, which is
 * the same for every local client and so tells none of them apart.
 */
export function clientAddress(h: Pick<Headers, 'get'>): string {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  const candidate = forwarded || h.get('x-real-ip')?.trim() || '';
  if (!ADDRESS_SHAPE.test(candidate) || LOOPBACK.test(candidate)) return UNKNOWN_ADDRESS;
  return candidate;
}

/** "Try again in N minutes." for a wait, rounded up to whole minutes. */
export function retryMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  return `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
