import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { memberships, userSessions, users, workspaces } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { executor } from './context';
import { sessionLiveness, touchUserSession } from './sessions';
import type { Executor } from '@/db';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user as a request sees it. */
export interface CurrentUser extends SessionUser {
  emailVerified: boolean;
}

const publicColumns = { id: users.id, name: users.name, email: users.email };

/** Creates an account and its personal workspace in one transaction; null when the email is taken. */
export async function createUserWithWorkspace(input: {
  name: string;
  email: string;
  password: string;
}): Promise<{ user: SessionUser; workspaceId: string } | null> {
  const passwordHash = await hashPassword(input.password);
  const db = await executor();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning(publicColumns);
    if (!user) return null;
    const workspaceId = await createPersonalWorkspace(tx, user);
    return { user, workspaceId };
  });
}

/** Creates a workspace owned by the user; call inside a transaction. */
export async function createPersonalWorkspace(tx: Executor, user: { id: string; name: string }): Promise<string> {
  const firstName = user.name.split(/\s+/)[0] || user.name;
  const [ws] = await tx
    .insert(workspaces)
    .values({ name: `${firstName}'s workspace`.slice(0, 80) })
    .returning({ id: workspaces.id });
  await tx.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: 'owner' });
  return ws.id;
}

/**
 * The signed-in user when the session (issued at authTime, ms) has not been revoked since, and,
 * when a device session id is given, that device session is still live.
 */
export async function getSessionUser(userId: string, authTime: number, sessionId?: string, now = new Date()): Promise<CurrentUser | null> {
  const db = await executor();
  // The account and its device session in one round trip: this runs on every signed-in request.
  const [row] = await db
    .select({
      ...publicColumns,
      validAfter: users.sessionsValidAfter,
      emailVerifiedAt: users.emailVerifiedAt,
      lastSeenAt: userSessions.lastSeenAt,
      revokedAt: userSessions.revokedAt,
    })
    .from(users)
    .leftJoin(userSessions, sessionId === undefined ? sql`false` : and(eq(userSessions.id, sessionId), eq(userSessions.userId, users.id)))
    .where(eq(users.id, userId))
    .limit(1);
  // A second of slack: the JWT's issue time and the database clock are rounded differently.
  if (!row || row.validAfter.getTime() > authTime + 1000) return null;
  if (sessionId !== undefined) {
    const state = sessionLiveness(row, now);
    if (state === 'ended') return null;
    if (state === 'live-touch') await touchUserSession(sessionId, now);
  }
  return { id: row.id, name: row.name, email: row.email, emailVerified: row.emailVerifiedAt !== null };
}

