import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { calendarFeeds } from '@/db/schema';
import { addDays, today as todayIso } from '@/lib/dates';
import type { IcsEvent } from '@/lib/ics';
import { executor } from './context';

/** 32 random bytes, base64url: 256 bits, 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Past events kept in the feed (so a missed follow-up still shows), and how far ahead it reaches. */
export const FEED_PAST_DAYS = 90;
export const FEED_FUTURE_DAYS = 730;
export const FEED_MAX_EVENTS = 5000;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates the user's private feed token, or replaces it (the old URL stops working at once).
 * Only its hash is stored; the token is returned to show once.
 */
export async function regenerateCalendarFeed(userId: string, tx?: Parameters<typeof executor>[0]): Promise<string> {
  const db = await executor(tx);
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: sql`now()` } });
  return token;
}

/** Turns the user's feed off: its URL answers 404 from now on. */
export async function deleteCalendarFeed(userId: string, tx?: Parameters<typeof executor>[0]): Promise<void> {
  const db = await executor(tx);
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

/** When the user's feed URL was made, or null when they have none. */
export async function getCalendarFeedInfo(userId: string): Promise<{ createdAt: Date } | null> {
  const db = await executor();
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).limit(1);
  return row ?? null;
}

/** The user a feed token belongs to, or null for an unknown, replaced or malformed token. */
export async function userForFeedToken(token: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const db = await executor();
  const [row] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .limit(1);
  return row?.userId ?? null;
}

export type FeedEventKind = 'follow-up' | 'interview-follow-up' | 'keep-in-touch';

export interface FeedEvent extends IcsEvent {
  kind: FeedEventKind;
  workspaceId: string;
}

interface FeedRow {
  kind: FeedEventKind;
  id: string;
  workspace_id: string;
  workspace_name: string;
  title: string;
  detail: string;
  day: string;
  [key: string]: unknown;
}

/**
 * The dated reminders of every workspace the user is a member of right now: contacts' next
 * follow-ups, informational interviews' follow-up dates and keep-in-touch due dates.
 */
export async function listFeedEvents(userId: string, { origin, today }: { origin: string; today?: string }): Promise<FeedEvent[]> {
  const db = await executor();
  const day = today ?? todayIso();
  const from = addDays(day, -FEED_PAST_DAYS);
  const to = addDays(day, FEED_FUTURE_DAYS);
  // Membership is joined in the query itself, so a removed member's feed loses that workspace at once.
  const result = await db.execute<FeedRow>(sql`
    with ws as (
      select w.id, w.name from memberships m join workspaces w on w.id = m.workspace_id where m.user_id = ${userId}
    ),
    items as (
      select 'follow-up' as kind, c.id, c.workspace_id, c.name as title, c.company as detail, c.next_follow_up_on as day
        from contacts c join ws on ws.id = c.workspace_id
        where c.next_follow_up_on between ${from}::date and ${to}::date
      union all
      select 'interview-follow-up', e.id, e.workspace_id, e.title, coalesce(e.details ->> 'person', ''), e.follow_up_on
        from efforts e join ws on ws.id = e.workspace_id
        where e.follow_up_on between ${from}::date and ${to}::date
      union all
      select 'keep-in-touch', c.id, c.workspace_id, c.name, c.company,
             contact_due_on(c.last_touch_on, c.met_on, c.created_at, c.cadence_days)
        from contacts c join ws on ws.id = c.workspace_id
        where c.cadence_days is not null
          and contact_due_on(c.last_touch_on, c.met_on, c.created_at, c.cadence_days) between ${from}::date and ${to}::date
    )
    select items.kind, items.id, items.workspace_id, ws.name as workspace_name, items.title, items.detail, items.day::text as day
      from items join ws on ws.id = items.workspace_id
      order by items.day, items.kind, items.id
      limit ${FEED_MAX_EVENTS}
  `);
  const rows = Array.isArray(result) ? (result as FeedRow[]) : ((result as { rows: FeedRow[] }).rows ?? []);
  return rows.map((r) => {
    const base = `${origin}/w/${r.workspace_id}`;
    const who = r.detail ? `${r.title} (${r.detail})` : r.title;
    const common = { kind: r.kind, workspaceId: r.workspace_id, date: String(r.day).slice(0, 10), uid: `${r.kind}-${r.id}@groundwork` };
    if (r.kind === 'interview-follow-up') {
      return {
        ...common,
        summary: `Follow up: ${r.title}`,
        description: `Informational interview${r.detail ? ` with ${r.detail}` : ''}. Workspace: ${r.workspace_name}`,
        url: `${base}/efforts/${r.id}`,
      };
    }
    return {
      ...common,
      summary: r.kind === 'follow-up' ? `Follow up with ${who}` : `Keep in touch with ${who}`,
      description:
        r.kind === 'follow-up'
          ? `Planned follow-up. Workspace: ${r.workspace_name}`
          : `Your keep-in-touch cadence for this contact is due. Workspace: ${r.workspace_name}`,
      url: `${base}/contacts/${r.id}`,
    };
  });
}
