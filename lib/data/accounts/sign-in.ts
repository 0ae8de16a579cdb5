import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from '@/lib/password';
import { executor } from '../context';
import { clearThrottle, getLock, recordFailure, SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, throttleKey } from '../throttle';
import type { SessionUser } from '../users';
import { normaliseEmail, type SignInOpts } from './common';

// Checking a password, at sign-in and before a sensitive change, with lockouts per account,
// per client address and per known browser.

export type SignInOutcome = { status: 'ok'; user: SessionUser } | { status: 'invalid' } | { status: 'locked'; retryAfterMs: number };

/**
 * The keys a sign-in attempt is locked by and counts failures on. A browser holding a device
 * cookie for the account (`deviceNonce`) answers only for itself: it is not stopped by the
 * account's or the address's lock, which strangers can trigger, and its own failures lock only it.
 */
function signInKeys(address: string, ip: string, deviceNonce: string | null | undefined) {
  if (deviceNonce) {
    const device = throttleKey.signInDevice(deviceNonce);
    return { locks: [device], failures: [[device, SIGN_IN_ACCOUNT]] as const, clear: [device, throttleKey.signInAccount(address)] };
  }
  const account = throttleKey.signInAccount(address);
  return {
    locks: [account, throttleKey.signInAddress(ip)],
    failures: [
      [account, SIGN_IN_ACCOUNT],
      [throttleKey.signInAddress(ip), SIGN_IN_ADDRESS],
    ] as const,
    clear: [account],
  };
}

/**
 * Checks a password with per-account and per-address lockouts. Unknown addresses count failures
 * and lock exactly like real ones, so a lockout says nothing about whether an account exists.
 */
export async function authorizeSignIn(email: string, password: string, ip: string, { now = new Date(), deviceNonce }: SignInOpts = {}): Promise<SignInOutcome> {
  const address = normaliseEmail(email);
  const keys = signInKeys(address, ip, deviceNonce);
  const lock = await getLock(keys.locks, { now });
  if (lock) return { status: 'locked', retryAfterMs: lock.retryAfterMs };
  const db = await executor();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, address))
    .limit(1);
  let ok = false;
  if (row) ok = await verifyPassword(password, row.passwordHash);
  else await burnPasswordCheck(password);
  if (!ok || !row) {
    for (const [key, policy] of keys.failures) await recordFailure(key, policy, { now });
    return { status: 'invalid' };
  }
  await clearThrottle(keys.clear);
  return { status: 'ok', user: { id: row.id, name: row.name, email: row.email } };
}

/** The lock now running on a sign-in by this address and client, if any. */
export async function signInLockout(email: string, ip: string, { now = new Date(), deviceNonce }: SignInOpts = {}) {
  return getLock(signInKeys(normaliseEmail(email), ip, deviceNonce).locks, { now });
}

/**
 * Re-checks the signed-in user's password before a sensitive change; failures count towards the
 * same lockout as sign-in, so the account page is no side door for guessing.
 */
export async function confirmPassword(
  userId: string,
  password: string,
  ip: string,
  { now = new Date(), deviceNonce }: SignInOpts = {},
): Promise<{ ok: true; email: string } | { ok: false; retryAfterMs?: number }> {
  const db = await executor();
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) {
    await burnPasswordCheck(password);
    return { ok: false };
  }
  const keys = signInKeys(row.email, ip, deviceNonce);
  const lock = await getLock(keys.locks, { now });
  if (lock) return { ok: false, retryAfterMs: lock.retryAfterMs };
  if (await verifyPassword(password, row.passwordHash)) return { ok: true, email: row.email };
  let lockedUntil: Date | null = null;
  for (const [key, policy] of keys.failures) {
    const failure = await recordFailure(key, policy, { now });
    // The first key is the one this caller answers for (the account, or this browser's cookie).
    if (key === keys.failures[0][0]) lockedUntil = failure.lockedUntil;
  }
  return { ok: false, retryAfterMs: lockedUntil ? lockedUntil.getTime() - now.getTime() : undefined };
}
