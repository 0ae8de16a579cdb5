'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { fail, formAction, publicAction } from '@/lib/action';
import { signIn, signOut } from '@/lib/auth';
import { signInLockout } from '@/lib/data/accounts/sign-in';
import { notifySignUpAttempt, takeSignUpBudget } from '@/lib/data/accounts/sign-up';
import { sendVerificationEmail } from '@/lib/data/accounts/verification';
import { revokeUserSession } from '@/lib/data/sessions';
import { clientAddress, retryMessage } from '@/lib/data/throttle';
import { createUserWithWorkspace } from '@/lib/data/users';
import { readDeviceNonce, rememberDevice } from '@/lib/device-cookie';
import { getSessionClaims } from '@/lib/session';
import { safeNextPath, signInSchema, signUpSchema } from '@/lib/schemas/auth';

const SIGN_IN_FAILED = 'That email and password do not match an account.';

/** Starts a session; false when the credentials were refused (or the sign-in is locked). */
async function startSession(email: string, password: string): Promise<boolean> {
  try {
    const url = await signIn('credentials', { email, password, redirect: false });
    return !(typeof url === 'string' && url.includes('error='));
  } catch (err) {
    if (err instanceof AuthError) return false;
    throw err;
  }
}

export const signInAction = publicAction(
  { schema: signInSchema.extend({ next: z.string().max(500).optional() }) },
  async (input) => {
    if (await startSession(input.email, input.password)) {
      await rememberDevice(input.email);
      return { redirectTo: safeNextPath(input.next) };
    }
    // The same words whether or not the account exists: failures on unknown addresses lock too.
    const lock = await signInLockout(input.email, clientAddress(await headers()), { deviceNonce: await readDeviceNonce(input.email) });
    if (lock) return fail(`Too many attempts. ${retryMessage(lock.retryAfterMs)}`);
    return fail(SIGN_IN_FAILED);
  },
);
/** Sign-in posted before the script ran: a success goes on with the new session's cookie. */
export const signInFormAction = formAction(signInAction, { redirectTo: (data) => data.redirectTo });

/** What signup answers: a new account goes to its workspace; anything else is told to check mail. */
export type SignUpOutcome = { redirectTo: string } | { checkEmail: true };

export const signUpAction = publicAction(
  { schema: signUpSchema.extend({ next: z.string().max(500).optional() }) },
  async (input): Promise<SignUpOutcome | ReturnType<typeof fail>> => {
    const budget = await takeSignUpBudget(clientAddress(await headers()));
    if (!budget.allowed) return fail(`Too many sign-ups from this network. ${retryMessage(budget.retryAfterMs)}`);
    const created = await createUserWithWorkspace(input);
    if (!created) {
      // Saying "this address is taken" would tell anyone who has an account; the holder hears instead.
      after(() => notifySignUpAttempt(input.email));
      return { checkEmail: true };
    }
    await sendVerificationEmail(created.user);
    if (!(await startSession(input.email, input.password))) return fail('Your account was created. Sign in to continue.');
    await rememberDevice(input.email);
    // Someone who came from an invitation goes back to it to join; anyone else to their new workspace.
    const next = safeNextPath(input.next);
    return { redirectTo: next !== '/' ? next : `/w/${created.workspaceId}` };
  },
);
/** Sign-up posted before the script ran: a new account goes on to its workspace, anyone else stays to be told to check mail. */
export const signUpFormAction = formAction(signUpAction, { redirectTo: (data) => ('redirectTo' in data ? data.redirectTo : null) });

export async function signOutAction(): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await revokeUserSession(claims.uid, claims.sid);
  await signOut({ redirectTo: '/signin' });
}
