import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { memberships, notificationPrefs, users, workspaces, type Role } from '@/db/schema';
import { can, ROLES } from '@/lib/permissions';
import { safeTimeZone, type SendPrefs } from '@/lib/reminders/time';

// Who gets reminder e-mail, and the workspaces each message speaks of.

/** Roles that can act on records, hence get the daily nudge and the dashboard's "Due today". */
export const WRITER_ROLES = ROLES.filter((r) => can(r, 'records.write'));

export interface Recipient extends SendPrefs {
  id: string;
  name: string;
  email: string;
}

/** The moment of a scheduled run, and the address and secret its links are made with. */
export interface SendOptions {
  now: Date;
  origin: string;
  secret: string;
}

/** What every reminder e-mail carries: the reader's name, the app's address and the link that stops this kind. */
export interface MailBasics {
  userName: string;
  origin: string;
  unsubscribeUrl: string;
}

/** Everyone who turned on a reminder, in a stable order; only confirmed addresses. */
export async function recipients(db: Executor): Promise<Recipient[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      dailyEnabled: notificationPrefs.dailyEnabled,
      dailyHour: notificationPrefs.dailyHour,
      timeZone: notificationPrefs.timeZone,
      weeklyEnabled: notificationPrefs.weeklyEnabled,
      coachWeeklyEnabled: notificationPrefs.coachWeeklyEnabled,
    })
    .from(notificationPrefs)
    .innerJoin(users, eq(users.id, notificationPrefs.userId))
    .where(
      and(
        // Only to addresses their owner confirmed: reminders must never reach a stranger.
        sql`${users.emailVerifiedAt} is not null`,
        sql`(${notificationPrefs.dailyEnabled} or ${notificationPrefs.weeklyEnabled} or ${notificationPrefs.coachWeeklyEnabled})`,
      ),
    )
    .orderBy(asc(users.id));
  return rows.map((r) => ({ ...r, timeZone: safeTimeZone(r.timeZone) }));
}

/** The person's workspaces in which they hold one of these roles, oldest membership first. */
export async function workspacesOf(db: Executor, userId: string, roles: readonly Role[]) {
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      hourlyValue: workspaces.hourlyValue,
      currency: workspaces.currency,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, [...roles])))
    .orderBy(asc(memberships.createdAt), asc(workspaces.id));
}
