import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import {
  contacts,
  efforts,
  memberships,
  notificationPrefs,
  opportunities,
  reminderSends,
  reminderSnoozes,
  users,
  workspaces,
  type Role,
} from '@/db/schema';
import { addDays, formatDate } from '@/lib/dates';
import { appOrigin } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { authSecret } from '@/lib/env';
import { CHANNELS, computePayoff } from '@/lib/payoff';
import { assertCan, can, ROLES } from '@/lib/permissions';
import {
  computeDue,
  OPEN_STAGES,
  parseItemKey,
  recordPath,
  STALE_OPPORTUNITY_DAYS,
  THANK_YOU_AFTER_DAYS,
  type DueItem,
  type DueKind,
} from '@/lib/reminders/due';
import {
  renderCoachDigest,
  renderDailyNudge,
  renderWeeklyDigest,
  type CoachClient,
  type DigestWorkspace,
  type NudgeSection,
} from '@/lib/mail-templates';
import {
  expiresIn,
  ITEM_LINK_TTL_DAYS,
  signLink,
  UNSUBSCRIBE_LINK_TTL_DAYS,
  verifyLink,
  type ItemLinkPayload,
  type LinkPayload,
  type ReminderKind,
} from '@/lib/reminders/links';
import { dailySlot, localParts, safeTimeZone, weeklySlot, type SendPrefs } from '@/lib/reminders/time';
import { countGoingCold, listGoingCold } from './contacts';
import { listGoalProgressOfMember } from './goals';
import { executor, type WorkspaceCtx } from './context';
import { getChannelTotals, getOpportunityTouches } from './dashboard';
import { goingColdSql } from './contacts';
import { DEFAULT_PERIOD_DAYS } from '@/lib/schemas/dashboard';
import { getNotificationPrefs, isReminderKindOn, turnOffReminderKind } from './notification-prefs';
import { createViewCache } from './view-cache';
import { now as clockNow } from '@/lib/clock';

/** Roles that can act on records, hence get the daily nudge and the dashboard's "Due today". */
const WRITER_ROLES = ROLES.filter((r) => can(r, 'records.write'));

/** Items listed per workspace in one e-mail; the rest are counted. */
const MAIL_ITEMS_PER_WORKSPACE = 10;
/** Candidates read per kind and workspace: enough for any day's work, bounded for huge workspaces. */
const CANDIDATE_LIMIT = 60;

export type DueAction = 'done' | 'snooze7' | 'snooze30';

// ------------------------------------------------------------------ what is due

/**
 * The records that may be due, read with the same rules as lib/reminders/due.ts so the database
 * does the filtering; the pure function then decides, names and orders them.
 */
async function loadDue(db: Executor, userId: string, workspaceId: string, today: string): Promise<DueItem[]> {
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
async function localToday(userId: string, now: Date, db?: Executor): Promise<string> {
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
async function recordTitle(db: Executor, workspaceId: string, kind: DueKind, recordId: string): Promise<string | null> {
  if (kind === 'contact') {
    const [row] = await db
      .select({ title: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.id, recordId), eq(contacts.workspaceId, workspaceId)))
      .limit(1);
    return row?.title ?? null;
  }
  if (kind === 'effort') {
    const [row] = await db
      .select({ title: efforts.title })
      .from(efforts)
      .where(and(eq(efforts.id, recordId), eq(efforts.workspaceId, workspaceId)))
      .limit(1);
    return row?.title ?? null;
  }
  const [row] = await db
    .select({ title: opportunities.title })
    .from(opportunities)
    .where(and(eq(opportunities.id, recordId), eq(opportunities.workspaceId, workspaceId)))
    .limit(1);
  return row?.title ?? null;
}

function snoozeUntil(action: DueAction, today: string): string | null {
  return action === 'done' ? null : addDays(today, action === 'snooze7' ? 7 : 30);
}

async function writeSnooze(db: Executor, userId: string, workspaceId: string, itemKey: string, until: string | null): Promise<void> {
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

// ------------------------------------------------------------------ one-click links

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

/** What a link will do, without doing it (mail scanners open links). */
export async function describeReminderLink(token: string, now: Date = clockNow(), secret = authSecret()): Promise<LinkState> {
  const verified = verifyLink(token, secret, now);
  if (!verified.ok) return { status: verified.reason };
  const payload = verified.payload;
  const db = await executor();
  if (payload.purpose === 'unsubscribe') {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, payload.userId)).limit(1);
    if (!user) return { status: 'gone' };
    const on = await isReminderKindOn(payload.userId, payload.kind);
    const info: LinkInfo = { purpose: 'unsubscribe', title: KIND_TITLES[payload.kind], kind: payload.kind };
    return on ? { status: 'ready', ...info } : { status: 'applied', ...info };
  }
  const item = await itemLinkContext(db, payload);
  if (!item) return { status: 'gone' };
  const [snooze] = await db
    .select({ until: reminderSnoozes.until })
    .from(reminderSnoozes)
    .where(and(eq(reminderSnoozes.userId, payload.userId), eq(reminderSnoozes.itemKey, payload.itemKey)))
    .limit(1);
  const today = await localToday(payload.userId, now);
  const applied = snooze !== undefined && (payload.purpose === 'done' ? snooze.until === null : snooze.until !== null && snooze.until > today);
  const info: LinkInfo = {
    purpose: payload.purpose,
    title: item.title,
    workspaceName: item.workspaceName,
    path: recordPath(payload.workspaceId, item.kind, item.recordId),
    until: snooze?.until ?? null,
  };
  return applied ? { status: 'applied', ...info } : { status: 'ready', ...info };
}

/** Does what a link says, for the user it was sent to only; safe to repeat. */
export async function applyReminderLink(token: string, now: Date = clockNow(), secret = authSecret()): Promise<LinkState> {
  const verified = verifyLink(token, secret, now);
  if (!verified.ok) return { status: verified.reason };
  const payload = verified.payload;
  const db = await executor();
  if (payload.purpose === 'unsubscribe') {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, payload.userId)).limit(1);
    if (!user) return { status: 'gone' };
    await turnOffReminderKind(payload.userId, payload.kind);
    return { status: 'applied', purpose: 'unsubscribe', title: KIND_TITLES[payload.kind], kind: payload.kind };
  }
  const item = await itemLinkContext(db, payload);
  if (!item) return { status: 'gone' };
  const until = snoozeUntil(payload.purpose, await localToday(payload.userId, now));
  await writeSnooze(db, payload.userId, payload.workspaceId, payload.itemKey, until);
  return {
    status: 'applied',
    purpose: payload.purpose,
    title: item.title,
    workspaceName: item.workspaceName,
    path: recordPath(payload.workspaceId, item.kind, item.recordId),
    until,
  };
}

// ------------------------------------------------------------------ the scheduled run

interface Recipient extends SendPrefs {
  id: string;
  name: string;
  email: string;
}

export interface RunOptions {
  now?: Date;
  origin?: string;
  secret?: string;
}

export interface RunSummary {
  daily: number;
  weekly: number;
  coachWeekly: number;
  failed: number;
}

async function recipients(db: Executor): Promise<Recipient[]> {
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

async function alreadyClaimed(db: Executor, userId: string, kind: ReminderKind, periodKey: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reminderSends.id })
    .from(reminderSends)
    .where(and(eq(reminderSends.userId, userId), eq(reminderSends.kind, kind), eq(reminderSends.periodKey, periodKey)))
    .limit(1);
  return Boolean(row);
}

/**
 * Claims the message in the database before it is sent: of two runs racing, only the one whose
 * insert returns a row sends, so nobody gets a message twice.
 */
async function sendOnce(
  db: Executor,
  user: Recipient,
  kind: ReminderKind,
  periodKey: string,
  mail: { subject: string; text: string; html: string; unsubscribeUrl: string },
): Promise<'sent' | 'taken' | 'failed'> {
  const [claim] = await db
    .insert(reminderSends)
    .values({ userId: user.id, kind, periodKey })
    .onConflictDoNothing({ target: [reminderSends.userId, reminderSends.kind, reminderSends.periodKey] })
    .returning({ id: reminderSends.id });
  if (!claim) return 'taken';
  try {
    await sendMail({
      to: user.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  } catch (err) {
    // Release the claim so a later run tries again.
    await db.delete(reminderSends).where(eq(reminderSends.id, claim.id));
    console.error('[reminders] sending failed', (err as Error).message);
    return 'failed';
  }
  await db.update(reminderSends).set({ sentAt: new Date() }).where(eq(reminderSends.id, claim.id));
  return 'sent';
}

async function workspacesOf(db: Executor, userId: string, roles: readonly Role[]) {
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

function unsubscribeUrl(user: Recipient, kind: ReminderKind, opts: Required<RunOptions>): string {
  return reminderLinkUrl({ purpose: 'unsubscribe', userId: user.id, kind, exp: expiresIn(opts.now, UNSUBSCRIBE_LINK_TTL_DAYS) }, opts.origin, opts.secret);
}

async function buildDaily(db: Executor, user: Recipient, today: string, opts: Required<RunOptions>) {
  const sections: NudgeSection[] = [];
  const exp = expiresIn(opts.now, ITEM_LINK_TTL_DAYS);
  for (const ws of await workspacesOf(db, user.id, WRITER_ROLES)) {
    const items = await loadDue(db, user.id, ws.id, today);
    if (items.length === 0) continue;
    const link = (purpose: DueAction, item: DueItem) =>
      reminderLinkUrl({ purpose, userId: user.id, workspaceId: ws.id, itemKey: item.key, exp }, opts.origin, opts.secret);
    sections.push({
      workspaceName: ws.name,
      workspaceUrl: `${opts.origin}/w/${ws.id}`,
      items: items.slice(0, MAIL_ITEMS_PER_WORKSPACE).map((item) => ({
        title: item.title,
        reasons: item.reasons,
        url: `${opts.origin}${item.path}`,
        doneUrl: link('done', item),
        snooze7Url: link('snooze7', item),
        snooze30Url: link('snooze30', item),
      })),
      more: Math.max(0, items.length - MAIL_ITEMS_PER_WORKSPACE),
    });
  }
  if (sections.length === 0) return null;
  const unsubscribe = unsubscribeUrl(user, 'daily', opts);
  const mail = renderDailyNudge({ userName: user.name, sections, origin: opts.origin, unsubscribeUrl: unsubscribe });
  return { ...mail, unsubscribeUrl: unsubscribe };
}

function weekLabel(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

async function buildWeekly(db: Executor, user: Recipient, slot: { today: string; weekFrom: string; weekTo: string }, opts: Required<RunOptions>) {
  const list = await workspacesOf(db, user.id, WRITER_ROLES);
  if (list.length === 0) return null;
  const week = { from: slot.weekFrom, to: slot.weekTo };
  const before = { from: addDays(slot.weekFrom, -28), to: addDays(slot.weekFrom, -1) };
  // The dashboard's default period, so the digest's verdicts are the dashboard's.
  const year = { from: addDays(slot.weekTo, -(DEFAULT_PERIOD_DAYS - 1)), to: slot.weekTo };
  const digest: DigestWorkspace[] = [];
  for (const ws of list) {
    const ctx: WorkspaceCtx = { userId: user.id, workspaceId: ws.id, role: ws.role, tx: db };
    const [thisWeek, fourWeeks, yearTotals, touches, cold, coldCount, opened] = await Promise.all([
      getChannelTotals(ctx, week),
      getChannelTotals(ctx, before),
      getChannelTotals(ctx, year, slot.weekTo),
      getOpportunityTouches(ctx, year),
      listGoingCold(ctx, { today: slot.today, limit: 5 }),
      countGoingCold(ctx, { today: slot.today }),
      db
        .select({ title: opportunities.title, n: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(opportunities)
        .where(and(eq(opportunities.workspaceId, ws.id), sql`${opportunities.openedOn} between ${week.from} and ${week.to}`))
        .orderBy(asc(opportunities.openedOn), asc(opportunities.id))
        .limit(5),
    ]);
    const payoff = computePayoff({
      hourlyValue: ws.hourlyValue ?? 0,
      totals: yearTotals,
      opportunities: touches,
      model: 'first',
      currency: ws.currency,
    });
    const ranked = payoff.channels;
    const pick = (c: (typeof ranked)[number] | undefined) => (c ? { name: c.name, grade: c.grade, verdict: c.verdict } : null);
    digest.push({
      name: ws.name,
      url: `${opts.origin}/w/${ws.id}`,
      channels: CHANNELS.map((ch) => ({
        name: ch.name,
        hours: thisWeek.find((t) => t.channel === ch.key)?.hours ?? 0,
        averageHours: Math.round(((fourWeeks.find((t) => t.channel === ch.key)?.hours ?? 0) / 4) * 10) / 10,
      })),
      best: pick(ranked[0]),
      worst: ranked.length > 1 ? pick(ranked[ranked.length - 1]) : null,
      newOpportunities: opened.map((o) => o.title),
      newOpportunityCount: opened[0]?.n ?? 0,
      cold: cold.map((c) => c.name),
      coldCount,
    });
  }
  const unsubscribe = unsubscribeUrl(user, 'weekly', opts);
  const mail = renderWeeklyDigest({
    userName: user.name,
    weekLabel: weekLabel(slot.weekFrom, slot.weekTo),
    workspaces: digest,
    origin: opts.origin,
    unsubscribeUrl: unsubscribe,
  });
  return { ...mail, unsubscribeUrl: unsubscribe };
}

async function buildCoachWeekly(db: Executor, user: Recipient, slot: { today: string; weekFrom: string; weekTo: string }, opts: Required<RunOptions>) {
  const list = await workspacesOf(db, user.id, ['coach']);
  if (list.length === 0) return null;
  const clients: CoachClient[] = [];
  const goals = await listGoalProgressOfMember(user.id, { from: slot.weekFrom, to: slot.weekTo }, db);
  for (const ws of list) {
    const ctx: WorkspaceCtx = { userId: user.id, workspaceId: ws.id, role: ws.role, tx: db };
    const [totals, coldCount, [won]] = await Promise.all([
      getChannelTotals(ctx, { from: slot.weekFrom, to: slot.weekTo }),
      countGoingCold(ctx, { today: slot.today }),
      db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(opportunities)
        .where(
          and(
            eq(opportunities.workspaceId, ws.id),
            eq(opportunities.stage, 'won'),
            sql`${opportunities.closedOn} between ${slot.weekFrom} and ${slot.weekTo}`,
          ),
        ),
    ]);
    clients.push({
      workspaceName: ws.name,
      url: `${opts.origin}/w/${ws.id}`,
      hours: Math.round(totals.reduce((n, t) => n + t.hours, 0) * 10) / 10,
      won: won?.n ?? 0,
      coldCount,
      goals: (goals.get(ws.id) ?? []).map((g) => g.progress),
    });
  }
  const unsubscribe = unsubscribeUrl(user, 'coach_weekly', opts);
  const mail = renderCoachDigest({
    userName: user.name,
    weekLabel: weekLabel(slot.weekFrom, slot.weekTo),
    clients,
    rosterUrl: `${opts.origin}/roster`,
    origin: opts.origin,
    unsubscribeUrl: unsubscribe,
  });
  return { ...mail, unsubscribeUrl: unsubscribe };
}

/**
 * One scheduled pass: every opted-in person with a confirmed address whose local send time has
 * come gets each message at most once per local day (daily) or ISO week (weekly). Safe to run
 * often and concurrently; nothing is queued.
 */
export async function runReminders(options: RunOptions = {}): Promise<RunSummary> {
  const opts: Required<RunOptions> = {
    now: options.now ?? clockNow(),
    origin: options.origin ?? appOrigin(),
    secret: options.secret ?? authSecret(),
  };
  const db = await executor();
  const summary: RunSummary = { daily: 0, weekly: 0, coachWeekly: 0, failed: 0 };
  const tally = (result: 'sent' | 'taken' | 'failed', key: 'daily' | 'weekly' | 'coachWeekly') => {
    if (result === 'sent') summary[key] += 1;
    if (result === 'failed') summary.failed += 1;
  };

  for (const user of await recipients(db)) {
    const daily = dailySlot(user, opts.now);
    if (daily && !(await alreadyClaimed(db, user.id, 'daily', daily.periodKey))) {
      // Nothing due means no e-mail and no claim: something falling due later that day still goes out.
      const mail = await buildDaily(db, user, daily.today, opts);
      if (mail) tally(await sendOnce(db, user, 'daily', daily.periodKey, mail), 'daily');
    }
    const weekly = weeklySlot(user, opts.now);
    if (weekly && user.weeklyEnabled && !(await alreadyClaimed(db, user.id, 'weekly', weekly.periodKey))) {
      const mail = await buildWeekly(db, user, weekly, opts);
      if (mail) tally(await sendOnce(db, user, 'weekly', weekly.periodKey, mail), 'weekly');
    }
    if (weekly && user.coachWeeklyEnabled && !(await alreadyClaimed(db, user.id, 'coach_weekly', weekly.periodKey))) {
      const mail = await buildCoachWeekly(db, user, weekly, opts);
      if (mail) tally(await sendOnce(db, user, 'coach_weekly', weekly.periodKey, mail), 'coachWeekly');
    }
  }
  return summary;
}
