import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { contacts, efforts, mailOutbox, memberships, opportunities, users, workspaces, type Role } from '@/db/schema';
import { appOrigin } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import {
  emailChangedMail,
  emailChangeMail,
  passwordChangedMail,
  passwordResetMail,
  signUpAttemptMail,
  verifyEmailMail,
} from '@/lib/mail-templates';
import { burnPasswordCheck, hashPassword, verifyPassword } from '@/lib/password';
import { executor } from './context';
import { consumeEmailToken, createEmailToken, pendingEmailChange } from './email-tokens';
import { revokeAllUserSessions } from './sessions';
import {
  clearThrottle,
  deleteThrottlesFor,
  getLock,
  LIMITS,
  recordFailure,
  SIGN_IN_ACCOUNT,
  SIGN_IN_ADDRESS,
  takeRateLimit,
  takeRateLimits,
  throttleKey,
} from './throttle';
import type { SessionUser } from './users';

/** Runs work now, or hands it to the caller's scheduler (e.g. after the response has gone). */
export type Defer = (task: () => Promise<void>) => void;

interface Opts {
  now?: Date;
  /** Where mail-sending work runs; by default it is awaited in place. */
  defer?: Defer;
}

async function runOrDefer(task: () => Promise<void>, defer?: Defer): Promise<void> {
  if (defer) defer(task);
  else await task();
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Reading the account

export interface Account extends SessionUser {
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

/** The account's own details, or null when it does not exist. */
export async function getAccount(userId: string): Promise<Account | null> {
  const db = await executor();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** Whether the user has proved they read mail at their current address. */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const db = await executor();
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row?.at);
}

export { pendingEmailChange };

// ---------------------------------------------------------------------------------------------
// Sign-in throttling

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

interface SignInOpts {
  now?: Date;
  /** The nonce of a valid device cookie for this address, when the browser has one. */
  deviceNonce?: string | null;
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

// ---------------------------------------------------------------------------------------------
// Sign-up

/** Whether one more sign-up may come from this client address now. */
export async function takeSignUpBudget(ip: string, { now = new Date() }: { now?: Date } = {}) {
  return takeRateLimit(throttleKey.signUpAddress(ip), LIMITS.signUpPerAddress, { now });
}

/** Tells the holder of an address that someone tried to sign up with it (instead of telling the visitor). */
export async function notifySignUpAttempt(email: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const address = normaliseEmail(email);
  const budget = await takeRateLimit(throttleKey.signUpNotice(address), LIMITS.signUpNoticePerAccount, { now });
  if (!budget.allowed) return;
  const db = await executor();
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.email, address)).limit(1);
  if (!row) return;
  await sendMail({ to: address, ...signUpAttemptMail({ name: row.name, origin: appOrigin() }) });
}

// ---------------------------------------------------------------------------------------------
// E-mail verification

/** Sends a fresh verification link to the user's current address. */
export async function sendVerificationEmail(user: { id: string; name: string; email: string }, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const token = await createEmailToken(user.id, 'verify_email', user.email, { now });
  await sendMail({ to: user.email, ...verifyEmailMail({ name: user.name, origin: appOrigin(), url: `${appOrigin()}/verify-email/${token}` }) });
}

export type ResendResult = { status: 'sent' } | { status: 'already_verified' } | { status: 'throttled'; retryAfterMs: number };

/** Sends the signed-in user another verification link: at most one a minute and five a day. */
export async function resendVerification(userId: string, ip: string, { now = new Date() }: { now?: Date } = {}): Promise<ResendResult> {
  const account = await getAccount(userId);
  if (!account) return { status: 'throttled', retryAfterMs: 0 };
  if (account.emailVerifiedAt) return { status: 'already_verified' };
  const budget = await takeRateLimits(
    [
      [throttleKey.resendAccountMinute(userId), LIMITS.resendPerAccountMinute],
      [throttleKey.resendAccountDay(userId), LIMITS.resendPerAccountDay],
      [throttleKey.resendAddress(ip), LIMITS.resendPerAddress],
    ],
    { now },
  );
  if (!budget.allowed) return { status: 'throttled', retryAfterMs: budget.retryAfterMs };
  await sendVerificationEmail(account, { now });
  return { status: 'sent' };
}

/** What anyone asking for a link by address is told, whether or not the address has an account. */
export type PublicRequestResult = { status: 'accepted' } | { status: 'throttled'; retryAfterMs: number };

/**
 * A new verification link for whoever holds the address, asked for without signing in (an expired
 * link). The answer is the same for unknown, verified and unverified addresses.
 */
export async function requestVerificationByEmail(email: string, ip: string, { now = new Date(), defer }: Opts = {}): Promise<PublicRequestResult> {
  const address = normaliseEmail(email);
  const perAddress = await takeRateLimit(throttleKey.resendAddress(ip), LIMITS.resendPerAddress, { now });
  if (!perAddress.allowed) return { status: 'throttled', retryAfterMs: perAddress.retryAfterMs };
  await runOrDefer(async () => {
    const account = await takeRateLimits(
      [
        [throttleKey.resendEmail(address), LIMITS.resendPerAccountMinute],
        [`${throttleKey.resendEmail(address)}:day`, LIMITS.resendPerAccountDay],
      ],
      { now },
    );
    if (!account.allowed) return;
    const db = await executor();
    const [row] = await db
      .select({ id: users.id, name: users.name, email: users.email, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.email, address))
      .limit(1);
    if (!row || row.verifiedAt) return;
    await sendVerificationEmail(row, { now });
  }, defer);
  return { status: 'accepted' };
}

export type VerifyResult = { status: 'verified'; email: string } | { status: 'invalid' };

/** Marks the address verified by a link from the mail; refused once used, expired, or for an old address. */
export async function verifyEmailWithToken(token: string, { now = new Date() }: { now?: Date } = {}): Promise<VerifyResult> {
  const db = await executor();
  return db.transaction(async (tx) => {
    const grant = await consumeEmailToken(token, 'verify_email', { now, tx });
    if (!grant) return { status: 'invalid' } as const;
    // A link sent to an address the account no longer uses proves nothing about the current one.
    const [row] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(users.id, grant.userId), eq(users.email, grant.email)))
      .returning({ email: users.email });
    if (!row) return { status: 'invalid' } as const;
    return { status: 'verified', email: row.email } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Password reset

/**
 * Mails a reset link when the address has an account. The answer is the same object either way,
 * and the lookup and mail run through `defer` (after the response) so timing does not tell either.
 */
export async function requestPasswordReset(email: string, ip: string, { now = new Date(), defer }: Opts = {}): Promise<PublicRequestResult> {
  const address = normaliseEmail(email);
  const perAddress = await takeRateLimit(throttleKey.resetAddress(ip), LIMITS.resetPerAddress, { now });
  if (!perAddress.allowed) return { status: 'throttled', retryAfterMs: perAddress.retryAfterMs };
  // Counted for every address, known or not, so the per-account budget reveals nothing.
  const perAccount = await takeRateLimit(throttleKey.resetAccount(address), LIMITS.resetPerAccount, { now });
  if (perAccount.allowed) {
    await runOrDefer(async () => {
      const db = await executor();
      const [row] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, address)).limit(1);
      if (!row) return;
      const token = await createEmailToken(row.id, 'reset_password', row.email, { now });
      await sendMail({ to: row.email, ...passwordResetMail({ name: row.name, origin: appOrigin(), url: `${appOrigin()}/reset-password/${token}` }) });
    }, defer);
  }
  return { status: 'accepted' };
}

export type ResetResult = { ok: true; email: string } | { ok: false };

/**
 * Sets a new password with a reset link and signs the account out everywhere. The link also
 * proves the address, so an unverified address becomes verified.
 */
export async function resetPasswordWithToken(token: string, newPassword: string, { now = new Date() }: { now?: Date } = {}): Promise<ResetResult> {
  const passwordHash = await hashPassword(newPassword);
  const db = await executor();
  const result = await db.transaction(async (tx) => {
    const grant = await consumeEmailToken(token, 'reset_password', { now, tx });
    if (!grant) return null;
    const [row] = await tx
      .update(users)
      .set({
        passwordHash,
        sessionsValidAfter: now,
        emailVerifiedAt: sql`case when ${users.email} = ${grant.email} then coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz) else ${users.emailVerifiedAt} end`,
      })
      .where(eq(users.id, grant.userId))
      .returning({ id: users.id, name: users.name, email: users.email });
    return row ?? null;
  });
  if (!result) return { ok: false };
  await revokeAllUserSessions(result.id);
  await clearThrottle(throttleKey.signInAccount(result.email));
  await sendMail({ to: result.email, ...passwordChangedMail({ name: result.name, origin: appOrigin(), how: 'reset' }) });
  return { ok: true, email: result.email };
}

// ---------------------------------------------------------------------------------------------
// Account settings

/** Renames the person (not their workspaces). */
export async function changeName(userId: string, name: string): Promise<void> {
  const db = await executor();
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

export type EmailChangeRequest = { ok: true } | { ok: false; reason: 'wrong_password' | 'same_address'; retryAfterMs?: number };

/**
 * Sends a confirmation link to the new address once the current password checks out; the change
 * happens only when that link is opened. An address already in use gets no link, but the answer
 * is the same, so the form cannot be used to find out who has an account.
 */
export async function requestEmailChange(
  userId: string,
  input: { newEmail: string; currentPassword: string },
  ip: string,
  { now = new Date(), deviceNonce }: SignInOpts = {},
): Promise<EmailChangeRequest> {
  const newEmail = normaliseEmail(input.newEmail);
  const check = await confirmPassword(userId, input.currentPassword, ip, { now, deviceNonce });
  if (!check.ok) return { ok: false, reason: 'wrong_password', retryAfterMs: check.retryAfterMs };
  if (check.email === newEmail) return { ok: false, reason: 'same_address' };
  const db = await executor();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, newEmail)).limit(1);
  if (taken) return { ok: true };
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  const token = await createEmailToken(userId, 'change_email', newEmail, { now });
  await sendMail({ to: newEmail, ...emailChangeMail({ name: user?.name ?? '', origin: appOrigin(), url: `${appOrigin()}/verify-email/${token}` }) });
  return { ok: true };
}

export type EmailChangeResult = { status: 'changed'; email: string } | { status: 'invalid' } | { status: 'taken' };

/** Moves the account to the new address from a change link, and tells the old address. */
export async function confirmEmailChange(token: string, { now = new Date() }: { now?: Date } = {}): Promise<EmailChangeResult> {
  const db = await executor();
  const outcome = await db.transaction(async (tx) => {
    const grant = await consumeEmailToken(token, 'change_email', { now, tx });
    if (!grant) return { status: 'invalid' } as const;
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, grant.email), ne(users.id, grant.userId)))
      .limit(1);
    if (taken) return { status: 'taken' } as const;
    const [before] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, grant.userId)).limit(1);
    if (!before) return { status: 'invalid' } as const;
    await tx.update(users).set({ email: grant.email, emailVerifiedAt: now }).where(eq(users.id, grant.userId));
    return { status: 'changed', email: grant.email, oldEmail: before.email, name: before.name } as const;
  });
  if (outcome.status !== 'changed') return outcome;
  if (outcome.oldEmail !== outcome.email) {
    await sendMail({ to: outcome.oldEmail, ...emailChangedMail({ name: outcome.name, origin: appOrigin(), newEmail: outcome.email }) });
  }
  return { status: 'changed', email: outcome.email };
}

export type PasswordChangeResult = { ok: true } | { ok: false; reason: 'wrong_password'; retryAfterMs?: number };

/** Sets a new password after the current one checks out; every other device is signed out. */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
  ip: string,
  { now = new Date(), deviceNonce }: SignInOpts = {},
): Promise<PasswordChangeResult> {
  const check = await confirmPassword(userId, input.currentPassword, ip, { now, deviceNonce });
  if (!check.ok) return { ok: false, reason: 'wrong_password', retryAfterMs: check.retryAfterMs };
  const passwordHash = await hashPassword(input.newPassword);
  const db = await executor();
  const [row] = await db.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ name: users.name, email: users.email });
  await revokeAllUserSessions(userId, currentSessionId);
  if (row) {
    await sendMail({ to: row.email, ...passwordChangedMail({ name: row.name, origin: appOrigin(), how: 'changed' }) });
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Devices

/** A device and browser in plain words, e.g. "Chrome on Android", from a User-Agent header. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').trim();
  if (!ua) return 'Unknown device';
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /SamsungBrowser\//.test(ua)
        ? 'Samsung Internet'
        : /Firefox\/|FxiOS\//.test(ua)
          ? 'Firefox'
          : /Chrome\/|CriOS\/|Chromium\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? 'Safari'
              : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPod/.test(ua)
      ? 'iPhone'
      : /iPad/.test(ua)
        ? 'iPad'
        : /Windows/.test(ua)
          ? 'Windows'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Macintosh|Mac OS X/.test(ua)
              ? 'Mac'
              : /Linux/.test(ua)
                ? 'Linux'
                : null;
  if (browser && os) return `${browser} on ${os}`;
  if (browser) return browser;
  if (os) return `A browser on ${os}`;
  return 'Unknown device';
}

// ---------------------------------------------------------------------------------------------
// Deleting the account

export interface WorkspaceFootprint {
  id: string;
  name: string;
  role: Role;
  otherMembers: number;
  efforts: number;
  contacts: number;
  opportunities: number;
}

export interface DeletionPlan {
  /** Workspaces only they belong to: deleted with the account. */
  deleted: WorkspaceFootprint[];
  /** Workspaces they alone own but share with others: transfer ownership first, or delete too. */
  shared: WorkspaceFootprint[];
  /** Workspaces they only leave: someone else owns them too, or they are not an owner. */
  left: WorkspaceFootprint[];
}

type Db = Awaited<ReturnType<typeof executor>>;

async function footprints(db: Db, userId: string): Promise<Array<WorkspaceFootprint & { otherOwners: number }>> {
  const others = (role?: Role) =>
    sql<number>`(select count(*) from ${memberships} m2 where m2.workspace_id = ${workspaces.id} and m2.user_id <> ${userId}${role ? sql` and m2.role = ${role}` : sql``})`.mapWith(Number);
  const count = (table: typeof efforts | typeof contacts | typeof opportunities) =>
    sql<number>`(select count(*) from ${table} t where t.workspace_id = ${workspaces.id})`.mapWith(Number);
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      otherMembers: others(),
      otherOwners: others('owner'),
      efforts: count(efforts),
      contacts: count(contacts),
      opportunities: count(opportunities),
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt, workspaces.name);
}

function classify(rows: Array<WorkspaceFootprint & { otherOwners: number }>): DeletionPlan {
  const plan: DeletionPlan = { deleted: [], shared: [], left: [] };
  for (const { otherOwners, ...w } of rows) {
    if (w.role === 'owner' && w.otherMembers === 0) plan.deleted.push(w);
    else if (w.role === 'owner' && otherOwners === 0) plan.shared.push(w);
    else plan.left.push(w);
  }
  return plan;
}

/** What deleting the account would delete, what needs a decision, and what it would only leave. */
export async function getDeletionPlan(userId: string): Promise<DeletionPlan> {
  return classify(await footprints(await executor(), userId));
}

export type DeleteAccountResult =
  | { ok: true }
  | { ok: false; reason: 'wrong_password'; retryAfterMs?: number }
  | { ok: false; reason: 'shared_workspaces'; workspaces: { id: string; name: string }[] };

/**
 * Deletes the account and everything that is only theirs, in one transaction: workspaces they
 * alone belong to (and, when asked, shared ones they alone own) with all their records, their
 * memberships elsewhere, sessions, links, counters and the mail kept for them. Comments they
 * wrote in other people's workspaces stay, without an author.
 */
export async function deleteAccount(
  userId: string,
  input: { password: string; deleteSharedWorkspaces: boolean },
  ip: string,
  { now = new Date(), deviceNonce }: SignInOpts = {},
): Promise<DeleteAccountResult> {
  const check = await confirmPassword(userId, input.password, ip, { now, deviceNonce });
  if (!check.ok) return { ok: false, reason: 'wrong_password', retryAfterMs: check.retryAfterMs };
  const db = await executor();
  return db.transaction(async (tx) => {
    // Read again inside the transaction: a member may have joined since the page was shown.
    const plan = classify(await footprints(tx, userId));
    if (plan.shared.length > 0 && !input.deleteSharedWorkspaces) {
      return { ok: false, reason: 'shared_workspaces', workspaces: plan.shared.map((w) => ({ id: w.id, name: w.name })) } as const;
    }
    const doomed = [...plan.deleted, ...plan.shared].map((w) => w.id);
    if (doomed.length > 0) {
      // Only workspaces this user still owns, checked in the same statement.
      await tx.delete(workspaces).where(
        and(
          inArray(workspaces.id, doomed),
          inArray(
            workspaces.id,
            tx
              .select({ id: memberships.workspaceId })
              .from(memberships)
              .where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner'))),
          ),
        ),
      );
    }
    await deleteThrottlesFor(check.email, userId, { tx });
    await tx.delete(mailOutbox).where(eq(mailOutbox.to, check.email));
    // Memberships, sessions, e-mail links and private notes go with the user row (on delete cascade).
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true } as const;
  });
}
