import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { memberships, notificationPrefs } from '@/db/schema';
import type { NotificationPrefsValues } from '@/lib/schemas/reminder-prefs';
import type { ReminderKind } from '@/lib/reminders/links';
import { safeTimeZone } from '@/lib/reminders/time';
import { executor } from './context';

// Every function here acts on the caller's own row: callers pass the signed-in user's id, or the
// id from a verified reminder link, never an id taken from a form.

export interface NotificationPrefs extends NotificationPrefsValues {
  /** False until the person first saves the page (the time zone is then a guess). */
  saved: boolean;
}

export const DEFAULT_PREFS: NotificationPrefs = {
  dailyEnabled: false,
  dailyHour: 8,
  timeZone: 'UTC',
  weeklyEnabled: false,
  coachWeeklyEnabled: false,
  saved: false,
};

/** The user's reminder preferences; everything off until they opt in. */
export async function getNotificationPrefs(userId: string, tx?: Executor): Promise<NotificationPrefs> {
  // Inside a caller's transaction, read through it: the embedded database has one connection.
  const db = await executor({ tx });
  const [row] = await db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, userId)).limit(1);
  if (!row) return { ...DEFAULT_PREFS };
  return {
    dailyEnabled: row.dailyEnabled,
    dailyHour: row.dailyHour,
    timeZone: safeTimeZone(row.timeZone),
    weeklyEnabled: row.weeklyEnabled,
    coachWeeklyEnabled: row.coachWeeklyEnabled,
    saved: true,
  };
}

/** Saves the user's preferences (validated by notificationPrefsSchema). */
export async function saveNotificationPrefs(userId: string, input: NotificationPrefsValues): Promise<NotificationPrefs> {
  const db = await executor();
  const values = {
    dailyEnabled: input.dailyEnabled,
    dailyHour: input.dailyHour,
    timeZone: input.timeZone,
    weeklyEnabled: input.weeklyEnabled,
    coachWeeklyEnabled: input.coachWeeklyEnabled,
  };
  await db
    .insert(notificationPrefs)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPrefs.userId, set: { ...values, updatedAt: new Date() } });
  return { ...values, saved: true };
}

const KIND_COLUMN = {
  daily: 'dailyEnabled',
  weekly: 'weeklyEnabled',
  coach_weekly: 'coachWeeklyEnabled',
} as const satisfies Record<ReminderKind, keyof NotificationPrefsValues>;

/** Turns one kind of message off (unsubscribe); true when it was on. */
export async function turnOffReminderKind(userId: string, kind: ReminderKind): Promise<boolean> {
  const db = await executor();
  const column = KIND_COLUMN[kind];
  const rows = await db
    .update(notificationPrefs)
    .set({ [column]: false, updatedAt: new Date() })
    .where(and(eq(notificationPrefs.userId, userId), eq(notificationPrefs[column], true)))
    .returning({ userId: notificationPrefs.userId });
  return rows.length > 0;
}

/** Whether one kind of message is on for the user. */
export async function isReminderKindOn(userId: string, kind: ReminderKind): Promise<boolean> {
  const prefs = await getNotificationPrefs(userId);
  return prefs[KIND_COLUMN[kind]];
}

/** Whether the user coaches at least one workspace (the coach digest is offered only then). */
export async function isCoachSomewhere(userId: string): Promise<boolean> {
  const db = await executor();
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'coach')))
    .limit(1);
  return Boolean(row);
}
