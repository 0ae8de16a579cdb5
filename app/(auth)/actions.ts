'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { fail, publicAction } from '@/lib/action';
import { signIn, signOut } from '@/lib/auth';
import { revokeUserSession } from '@/lib/data/sessions';
import { createUserWithWorkspace } from '@/lib/data/users';
import { getSessionClaims } from '@/lib/session';
import { safeNextPath, signInSchema, signUpSchema } from '@/lib/schemas/auth';

const SIGN_IN_FAILED = 'That email and password do not match an account.';

/** Starts a session; false when the credentials were refused. */
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
    if (!(await startSession(input.email, input.password))) return fail(SIGN_IN_FAILED);
    return { redirectTo: safeNextPath(input.next) };
  },
);

export const signUpAction = publicAction({ schema: signUpSchema }, async (input) => {
  const created = await createUserWithWorkspace(input);
  if (!created) {
    return fail(undefined, {
      email: ['An account with this email already exists. Sign in instead, or use another address.'],
    });
  }
  if (!(await startSession(input.email, input.password))) return fail('Your account was created. Sign in to continue.');
  return { redirectTo: `/w/${created.workspaceId}` };
});

export async function signOutAction(): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await revokeUserSession(claims.uid, claims.sid);
  await signOut({ redirectTo: '/signin' });
}
