'use server';

import { formAction, mailLinkAction } from '@/lib/action';
import { confirmEmailChange } from '@/lib/data/accounts/email-change';
import { requestVerificationByEmail, verifyEmailWithToken } from '@/lib/data/accounts/verification';
import { isTokenShaped } from '@/lib/data/email-tokens';
import { getCurrentUser } from '@/lib/session';
import { landingFor } from '@/lib/workspace';
import { resendVerificationSchema } from '@/lib/schemas/account';

export const requestVerificationAction = mailLinkAction({ schema: resendVerificationSchema }, requestVerificationByEmail);
export const requestVerificationFormAction = formAction(requestVerificationAction);

/** What pressing the confirmation button did, and where to go next. */
export type ConfirmOutcome = {
  status: 'verified' | 'changed' | 'taken' | 'invalid';
  email?: string;
  home: string;
  homeLabel: string;
};

/**
 * Uses a mailed confirmation link: a new account's address, or a change of address. Only the
 * button's POST does it, never opening the link, because mail scanners open links.
 */
export async function confirmEmailLinkAction(token: string): Promise<ConfirmOutcome> {
  const verified = isTokenShaped(token) ? await verifyEmailWithToken(token) : ({ status: 'invalid' } as const);
  const changed = verified.status === 'invalid' && isTokenShaped(token) ? await confirmEmailChange(token) : null;
  const user = await getCurrentUser();
  const where = { home: user ? await landingFor(user.id) : '/signin', homeLabel: user ? 'Go to your workspace' : 'Sign in' };
  if (verified.status === 'verified') return { status: 'verified', email: verified.email, ...where };
  if (changed && changed.status !== 'invalid') return { status: changed.status, email: changed.status === 'changed' ? changed.email : undefined, ...where };
  return { status: 'invalid', ...where };
}
