import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { memberships, reminderSnoozes, users, workspaces, type Role } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { appOrigin, authSecret } from '@/lib/env';
import { can } from '@/lib/permissions';
import { parseItemKey, recordPath } from '@/lib/reminders/due';
import { signLink, verifyLink, type ItemLinkPayload, type LinkPayload, type ReminderKind } from '@/lib/reminders/links';
import { executor } from '../context';
import { isReminderKindOn, turnOffReminderKind } from '../notification-prefs';
import { localToday, recordTitle, snoozeUntil, writeSnooze } from './due';

// The one-click links in reminder e-mails: done, snooze and unsubscribe, each for the person it
// was sent to, shown before it is applied (mail scanners open links).

/** A signed link for one purpose, to put in an e-mail. */
export function reminderLinkUrl(payload: LinkPayload, origin = appOrigin(), secret = authSecret()): string {
  return `${origin}/r/${signLink(payload, secret)}`;
}

/** What a link names, for the confirmation page. */
export interface LinkInfo {
  purpose: LinkPayload['purpose'];
  /** The item's record (done/snooze) or the kind of message (unsubscribe). */
  title: string;
  workspaceName?: string;
  path?: string;
  kind?: ReminderKind;
  until?: string | null;
}

export type LinkState =
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'gone' }
  | (LinkInfo & { status: 'ready' })
  | (LinkInfo & { status: 'applied' });

const KIND_TITLES: Record<ReminderKind, string> = {
  daily: 'the daily follow-up e-mail',
  weekly: 'the weekly digest',
  coach_weekly: 'the weekly coach digest',
};

async function itemLinkContext(db: Executor, payload: ItemLinkPayload) {
  const parsed = parseItemKey(payload.itemKey);
  if (!parsed) return null;
  // Whoever holds the link acts as the user it was sent to, and only while that user can still write here.
  const [member] = await db
    .select({ role: memberships.role, workspaceName: workspaces.name })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, payload.userId), eq(memberships.workspaceId, payload.workspaceId)))
    .limit(1);
  if (!member || !can(member.role as Role, 'records.write')) return null;
  const title = await recordTitle(db, payload.workspaceId, parsed.kind, parsed.recordId);
  if (title === null) return null;
  return { ...parsed, title, workspaceName: member.workspaceName };
}

type Opened =
  | { state: LinkState }
  | { payload: Extract<LinkPayload, { purpose: 'unsubscribe' }>; info: LinkInfo }
  | { payload: ItemLinkPayload; info: LinkInfo };

/** A link's payload and what it names while its user and record still exist, or why it does nothing. */
async function openLink(db: Executor, token: string, now: Date, secret: string): Promise<Opened> {
  const verified = verifyLink(token, secret, now);
  if (!verified.ok) return { state: { status: verified.reason } };
  const payload = verified.payload;
  if (payload.purpose === 'unsubscribe') {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, payload.userId)).limit(1);
    if (!user) return { state: { status: 'gone' } };
    return { payload, info: { purpose: 'unsubscribe', title: KIND_TITLES[payload.kind], kind: payload.kind } };
  }
  const item = await itemLinkContext(db, payload);
  if (!item) return { state: { status: 'gone' } };
  return {
    payload,
    info: { purpose: payload.purpose, title: item.title, workspaceName: item.workspaceName, path: recordPath(payload.workspaceId, item.kind, item.recordId) },
  };
}

/** What a link will do, without doing it (mail scanners open links). */
export async function describeReminderLink(token: string, now: Date = clockNow(), secret = authSecret()): Promise<LinkState> {
  const db = await executor();
  const opened = await openLink(db, token, now, secret);
  if ('state' in opened) return opened.state;
  const { payload, info } = opened;
  if (payload.purpose === 'unsubscribe') {
    return { status: (await isReminderKindOn(payload.userId, payload.kind)) ? 'ready' : 'applied', ...info };
  }
  const [snooze] = await db
    .select({ until: reminderSnoozes.until })
    .from(reminderSnoozes)
    .where(and(eq(reminderSnoozes.userId, payload.userId), eq(reminderSnoozes.itemKey, payload.itemKey)))
    .limit(1);
  const today = await localToday(payload.userId, now);
  const applied = snooze !== undefined && (payload.purpose === 'done' ? snooze.until === null : snooze.until !== null && snooze.until > today);
  return { status: applied ? 'applied' : 'ready', ...info, until: snooze?.until ?? null };
}

/** Does what a link says, for the user it was sent to only; safe to repeat. */
export async function applyReminderLink(token: string, now: Date = clockNow(), secret = authSecret()): Promise<LinkState> {
  const db = await executor();
  const opened = await openLink(db, token, now, secret);
  if ('state' in opened) return opened.state;
  const { payload, info } = opened;
  if (payload.purpose === 'unsubscribe') {
    await turnOffReminderKind(payload.userId, payload.kind);
    return { status: 'applied', ...info };
  }
  const until = snoozeUntil(payload.purpose, await localToday(payload.userId, now));
  await writeSnooze(db, payload.userId, payload.workspaceId, payload.itemKey, until);
  return { status: 'applied', ...info, until };
}
