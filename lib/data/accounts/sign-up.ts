import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { appOrigin } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { signUpAttemptMail } from '@/lib/mail-templates';
import { executor } from '../context';
import { LIMITS, takeRateLimit, throttleKey } from '../throttle';
import { normaliseEmail } from './common';

// Sign-up's budget per client address, and the notice to an address that already has an account.

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
