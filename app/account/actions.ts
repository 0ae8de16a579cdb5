'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { fail, formAction, userAction } from '@/lib/action';
import { signOut } from '@/lib/auth';
import { deleteAccount } from '@/lib/data/accounts/deletion';
import { requestEmailChange } from '@/lib/data/accounts/email-change';
import { changePassword } from '@/lib/data/accounts/password';
import { changeName } from '@/lib/data/accounts/profile';
import { resendVerification } from '@/lib/data/accounts/verification';
import { deleteCalendarFeed } from '@/lib/data/calendar';
import { revokeAllUserSessions, revokeUserSession } from '@/lib/data/sessions';
import { retryMessage } from '@/lib/data/throttle';
import {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchema,
  deleteAccountSchema,
  sessionIdSchema,
} from '@/lib/schemas/account';
import { getCurrentUser } from '@/lib/session';

const WRONG_PASSWORD = 'That is not your current password.';

function passwordFailure(field: string, retryAfterMs?: number) {
  if (retryAfterMs) return fail(`Too many attempts. ${retryMessage(retryAfterMs)}`);
  return fail(undefined, { [field]: [WRONG_PASSWORD] });
}

export const resendVerificationAction = userAction({ schema: z.object({}) }, async (ctx) => {
  const result = await resendVerification(ctx.user.id, ctx.ip);
  if (result.status === 'throttled') return fail(`A link was sent recently. ${retryMessage(result.retryAfterMs)}`);
  return { status: result.status };
});

export const changeNameAction = userAction({ schema: changeNameSchema }, async (ctx, input) => {
  await changeName(ctx.user.id, input.name);
  return { name: input.name };
});
export const changeNameFormAction = formAction(changeNameAction);

export const changeEmailAction = userAction({ schema: changeEmailSchema }, async (ctx, input) => {
  const result = await requestEmailChange(ctx.user.id, input, ctx.ip, { deviceNonce: ctx.deviceNonce });
  if (result.ok) return { pendingEmail: input.newEmail };
  if (result.reason === 'same_address') return fail(undefined, { newEmail: ['This is already your address'] });
  return passwordFailure('currentPassword', result.retryAfterMs);
});
export const changeEmailFormAction = formAction(changeEmailAction);

export const changePasswordAction = userAction({ schema: changePasswordSchema }, async (ctx, input) => {
  const result = await changePassword(ctx.user.id, ctx.sessionId, input, ctx.ip, { deviceNonce: ctx.deviceNonce });
  if (!result.ok) return passwordFailure('currentPassword', result.retryAfterMs);
  return { changed: true };
});
export const changePasswordFormAction = formAction(changePasswordAction);

export const signOutSessionAction = userAction({ schema: sessionIdSchema }, async (ctx, input) => {
  // Scoped to the user in SQL: another person's session id does nothing.
  await revokeUserSession(ctx.user.id, input.sessionId);
  return { id: input.sessionId };
});

/** Ends every session, this one included, and goes to sign-in. */
const signOutEverywhereSchema = z.object({ stopFeed: z.enum(['on']).optional() });

/**
 * Ends every session; with the box ticked, also turns off the calendar feed link, which a session
 * does not protect (its token is the credential). A new one is made on the export page.
 */
export async function signOutEverywhereAction(form: FormData): Promise<void> {
  const user = await getCurrentUser();
  const input = signOutEverywhereSchema.safeParse({ stopFeed: form.get('stopFeed') ?? undefined });
  if (user) {
    await revokeAllUserSessions(user.id);
    if (input.success && input.data.stopFeed) await deleteCalendarFeed(user.id);
  }
  await signOut({ redirect: false });
  redirect('/signin?notice=signed-out-everywhere');
}

export const deleteAccountAction = userAction({ schema: deleteAccountSchema }, async (ctx, input) => {
  const result = await deleteAccount(ctx.user.id, input, ctx.ip, { deviceNonce: ctx.deviceNonce });
  if (!result.ok) {
    if (result.reason === 'wrong_password') return passwordFailure('password', result.retryAfterMs);
    return fail(
      `You own shared workspaces: ${result.workspaces.map((w) => w.name).join(', ')}. Transfer their ownership first, or choose to delete them too.`,
    );
  }
  await signOut({ redirect: false });
  return { redirectTo: '/signin?deleted=1' };
});
export const deleteAccountFormAction = formAction(deleteAccountAction, { redirectTo: (data) => data.redirectTo });
