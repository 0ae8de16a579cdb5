import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts, efforts, opportunities, reminderSnoozes } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { addDays } from '@/lib/dates';
import { assertCan } from '@/lib/permissions';
import {
  computeDue,
  OPEN_STAGES,
  parseItemKey,
  STALE_OPPORTUNITY_DAYS,
  THANK_YOU_AFTER_DAYS,
  type DueItem,
  type DueKind,
} from '@/lib/reminders/due';
import { localParts } from '@/lib/reminders/time';
import { goingColdSql } from '../contacts';
import { executor, inWorkspace, type WorkspaceCtx } from '../context';
import { getNotificationPrefs } from '../notification-prefs';
import { createViewCache } from '../view-cache';

// What each person should follow up on today, for the dashboard and the daily e-mail, and marking
// an item done or snoozed for that person only.

/** Candidates read per kind and workspace: enough for any day's work, bounded for huge workspaces. */
const CANDIDATE_LIMIT = 60;

export type DueAction = 'done' | 'snooze7' | 'snooze30';


/**
 * The records that may be due, read with the same rules as lib/reminders/due.ts so the database
 * does the filtering; the pure function then decides, names and orders them.
 */
export async function loadDue(db: Executor, userId: string, workspaceId: string, today: string): Promise<DueItem[]> {
  // Going cold by the one rule (goingColdSql, lib/rules.ts).
  const [contactRows, effortRows, opportunityRows, snoozeRows] = await Promise.all([
    db
      .select({
        id: contacts.id,
        name: contacts.name,
        company: contacts.company,
        cadenceDays: contacts.cadenceDays,
        lastTouchOn: contacts.lastTouchOn,
        metOn: contacts.metOn,
        createdOn: sql<string>`((${contacts.createdAt} at time zone 'UTC')::date)::text`,
        nextFollowUpOn: contacts.nextFollowUpOn,
      })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, workspaceId),
          sql`(${goingColdSql(today)} or ${contacts.nextFollowUpOn} <= ${today}::date)`,
        ),
      )
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(CANDIDATE_LIMIT),
    db
      .select({
        id: efforts.id,
        title: efforts.title,
        channel: efforts.channel,
        date: efforts.date,
        thankYouSent: efforts.thankYouSent,
        followUpOn: efforts.followUpOn,
      })
      .from(efforts)
      .where(
        and(
          eq(efforts.workspaceId, workspaceId),
          eq(efforts.channel, 'interviews'),
          sql`((coalesce(${efforts.thankYouSent}, false) = false and ${efforts.date} < ${today}::date - ${THANK_YOU_AFTER_DAYS}::int)
            or ${efforts.followUpOn} <= ${today}::date)`,
        ),
      )
      .orderBy(asc(efforts.date), asc(efforts.id))
      .limit(CANDIDATE_LIMIT),
    db
      .select({
        id: opportunities.id,
        title: opportunities.title,
        stage: opportunities.stage,
        updatedOn: sql<string>`((${opportunities.updatedAt} at time zone 'UTC')::date)::text`,
      })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.workspaceId, workspaceId),
          inArray(opportunities.stage, [...OPEN_STAGES]),
          // Last touched before midnight UTC of the stale day, written as a range on the column so the
          // (workspace_id, updated_at) index reads only the stale ones, oldest first.
          sql`${opportunities.updatedAt} < ((${today}::date - ${STALE_OPPORTUNITY_DAYS}::int)::timestamp at time zone 'UTC')`,
        ),
      )
      .orderBy(asc(opportunities.updatedAt), asc(opportunities.id))
      .limit(CANDIDATE_LIMIT),
    db
      .select({ itemKey: reminderSnoozes.itemKey, until: reminderSnoozes.until })
      .from(reminderSnoozes)
      .where(and(eq(reminderSnoozes.userId, userId), eq(reminderSnoozes.workspaceId, workspaceId))),
  ]);
  return computeDue({
    workspaceId,
    today,
    contacts: contactRows,
    efforts: effortRows,
    opportunities: opportunityRows,
    snoozes: new Map(snoozeRows.map((s) => [s.itemKey, s.until])),
  });
}


// One list per person and workspace; each is at most a few dozen items.
const dueLists = createViewCache<DueItem[]>({ maxEntries: 1000 });

/** The caller's local date, from their reminder time zone (UTC until they choose one). */
export async function localToday(userId: string, now: Date, db?: Executor): Promise<string> {
  const prefs = await getNotificationPrefs(userId, db);
  return localParts(now, prefs.timeZone).date;
}

/** What the caller should follow up on today in this workspace: the daily e-mail's list, for the dashboard. */
export async function listDueToday(
  ctx: WorkspaceCtx,
  { now = clockNow(), dataVersion }: { now?: Date; dataVersion?: number } = {},
): Promise<{ today: string; items: DueItem[] }> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  const today = await localToday(ctx.userId, now, db);
  const load = () => loadDue(db, ctx.userId, ctx.workspaceId, today);
  // Snoozes are written through the same triggers, so the workspace's data version covers them too.
  const items =
    dataVersion === undefined || ctx.tx
      ? await load()
      : await dueLists.get(`${ctx.workspaceId}:${dataVersion}:${ctx.userId}:${today}`, load);
  return { today, items };
}

/** The record's display name when it is in the workspace; null otherwise. */
export async function recordTitle(db: Executor, workspaceId: string, kind: DueKind, recordId: string): Promise<string | null> {
  const [table, title] =
    kind === 'contact' ? [contacts, contacts.name] : kind === 'effort' ? [efforts, efforts.title] : [opportunities, opportunities.title];
  const [row] = await db.select({ title }).from(table).where(inWorkspace(table, recordId, workspaceId)).limit(1);
  return row?.title ?? null;
}

/** Until when a done or snoozed item stays hidden: done is for good (null). */
export function snoozeUntil(action: DueAction, today: string): string | null {
  return action === 'done' ? null : addDays(today, action === 'snooze7' ? 7 : 30);
}

/** Hides one due item for one person, until the day given (or for good). */
export async function writeSnooze(db: Executor, userId: string, workspaceId: string, itemKey: string, until: string | null): Promise<void> {
  await db
    .insert(reminderSnoozes)
    .values({ userId, workspaceId, itemKey, until })
    .onConflictDoUpdate({ target: [reminderSnoozes.userId, reminderSnoozes.itemKey], set: { until, workspaceId } });
}

export type MarkResult = { ok: true; data: { until: string | null } } | { ok: false; formError: string };

const ITEM_GONE = 'This item no longer exists. It may have been deleted.';

/** Marks one of the caller's due items done, or snoozes it 7 or 30 days, for the caller only. */
export async function markDueItem(
  ctx: WorkspaceCtx,
  input: { itemKey: string; action: DueAction },
  { now = clockNow() }: { now?: Date } = {},
): Promise<MarkResult> {
  assertCan(ctx, 'records.write');
  const parsed = parseItemKey(input.itemKey);
  if (!parsed) return { ok: false, formError: ITEM_GONE };
  const db = await executor(ctx);
  if ((await recordTitle(db, ctx.workspaceId, parsed.kind, parsed.recordId)) === null) return { ok: false, formError: ITEM_GONE };
  const until = snoozeUntil(input.action, await localToday(ctx.userId, now, db));
  await writeSnooze(db, ctx.userId, ctx.workspaceId, input.itemKey, until);
  return { ok: true, data: { until } };
}

