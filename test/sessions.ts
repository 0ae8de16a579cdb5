import { getSessionUser } from '@/lib/data/users';

/** Whether a request carrying this user and device session would be signed in (the app's own check). */
export async function checkUserSession(userId: string, sessionId: string): Promise<boolean> {
  return (await getSessionUser(userId, Date.now(), sessionId)) !== null;
}
