import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { appOrigin } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { verifyEmailMail } from '@/lib/mail-templates';
import { executor } from '../context';
import { consumeEmailToken, createEmailToken } from '../email-tokens';
import { LIMITS, takeRateLimit, takeRateLimits, throttleKey } from '../throttle';
import { normaliseEmail, runOrDefer, type Opts, type PublicRequestResult } from './common';
import { getAccount } from './profile';

// Proving that the person reads mail at the account's address.

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
