import 'server-only';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { userSessions, users } from '@/db/schema';
import { executor } from './context';

/** A session idle for longer than this ends, whatever the cookie says. */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Records a new signed-in device and returns its id (carried in the JWT). */
export async function createUserSession(userId: string, userAgent: string): Promise<string> {
  const db = await executor();
  const [row] = await db
    .insert(userSessions)
    .values({ userId, userAgent: userAgent.slice(0, 400) })
    .returning({ id: userSessions.id });
  return row.id;
}

/**
 * Whether a device session read from the database is live (not ended, not idle too long), and
 * whether its last-seen time is old enough to be written again.
 */
export function sessionLiveness(
  row: { lastSeenAt: Date | null; revokedAt: Date | null } | null | undefined,
  now: Date,
): 'ended' | 'live' | 'live-touch' {
  if (!row?.lastSeenAt || row.revokedAt) return 'ended';
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle > SESSION_IDLE_MS) return 'ended';
  return idle > TOUCH_EVERY_MS ? 'live-touch' : 'live';
}

/** Records that the session was used now. */
export async function touchUserSession(sessionId: string, now: Date): Promise<void> {
  const db = await executor();
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
}

export interface SessionSummary {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** The user's live sessions, most recently used first. */
export async function listUserSessions(userId: string, now = new Date()): Promise<SessionSummary[]> {
  const db = await executor();
  const rows = await db
    .select({ id: userSessions.id, userAgent: userSessions.userAgent, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.lastSeenAt));
  return rows.filter((r) => now.getTime() - r.lastSeenAt.getTime() <= SESSION_IDLE_MS);
}

/** Ends one session of the user (sign out). */
export async function revokeUserSession(userId: string, sessionId: string): Promise<void> {
  const db = await executor();
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/** Ends every session of the user, optionally except one (the device asking). */
export async function revokeAllUserSessions(userId: string, exceptSessionId?: string): Promise<void> {
  const db = await executor();
  await db.transaction(async (tx) => {
    const now = new Date();
    const rows = await tx
      .select({ id: userSessions.id })
      .from(userSessions)
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
    for (const r of rows) {
      if (r.id === exceptSessionId) continue;
      await tx.update(userSessions).set({ revokedAt: now }).where(eq(userSessions.id, r.id));
    }
    if (!exceptSessionId) await tx.update(users).set({ sessionsValidAfter: now }).where(eq(users.id, userId));
  });
}

/** Deletes session rows that ended or went idle long ago. */
export async function pruneUserSessions(olderThan: Date): Promise<void> {
  const db = await executor();
  await db.delete(userSessions).where(lt(userSessions.lastSeenAt, olderThan));
}
