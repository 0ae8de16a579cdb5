import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { appOrigin } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { passwordChangedMail, passwordResetMail } from '@/lib/mail-templates';
import { hashPassword } from '@/lib/password';
import { executor } from '../context';
import { consumeEmailToken, createEmailToken } from '../email-tokens';
import { revokeAllUserSessions } from '../sessions';
import { clearThrottle, LIMITS, takeRateLimit, throttleKey } from '../throttle';
import { normaliseEmail, runOrDefer, type Opts, type PublicRequestResult, type SignInOpts } from './common';
import { confirmPassword } from './sign-in';

// A new password: by a reset link from the mail, or from the account page with the current one.


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
