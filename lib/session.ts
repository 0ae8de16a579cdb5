import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/lib/auth';
import { getSessionUser, type CurrentUser } from '@/lib/data/users';
import { SIGN_IN_PATH } from './auth.config';

/** The signed-in user for this request, or null; a revoked session counts as signed out. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getSessionClaims();
  if (!session) return null;
  return getSessionUser(session.uid, session.authTime, session.sid);
});

/** The claims of this request's session cookie, unverified against the database. */
export const getSessionClaims = cache(async (): Promise<{ uid: string; authTime: number; sid: string } | null> => {
  const session = (await auth()) as { uid?: string; authTime?: number; sid?: string } | null;
  if (!session?.uid || !session.authTime || !session.sid) return null;
  return { uid: session.uid, authTime: session.authTime, sid: session.sid };
});

/** The signed-in user; anyone else is sent to sign in and brought back afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get('x-groundwork-path');
  redirect(path && path !== '/' ? `${SIGN_IN_PATH}?next=${encodeURIComponent(path)}` : SIGN_IN_PATH);
}
