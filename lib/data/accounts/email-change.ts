import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { users } from '@/db/schema';
import { appOrigin } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { emailChangedMail, emailChangeMail } from '@/lib/mail-templates';
import { executor } from '../context';
import { consumeEmailToken, createEmailToken } from '../email-tokens';
import { normaliseEmail, type SignInOpts } from './common';
import { confirmPassword } from './sign-in';

// Moving the account to a new address, once a link sent there is opened.

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
