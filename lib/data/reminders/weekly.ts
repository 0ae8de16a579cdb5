import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { opportunities } from '@/db/schema';
import { addDays, formatDate } from '@/lib/dates';
import { renderCoachDigest, renderWeeklyDigest, type CoachClient, type DigestWorkspace, type RenderedMail } from '@/lib/mail-templates';
import { CHANNELS, computePayoff } from '@/lib/payoff';
import type { WeeklySlot } from '@/lib/reminders/time';
import { DEFAULT_PERIOD_DAYS } from '@/lib/schemas/dashboard-options';
import { countGoingCold, listGoingCold } from '../contacts';
import type { WorkspaceCtx } from '../context';
import { getChannelTotals, getOpportunityTouches } from '../dashboard';
import { listGoalProgressOfMember } from '../goals';
import { workspacesOf, WRITER_ROLES, type MailBasics, type Recipient } from './recipients';

// The Monday e-mails about the week before: a person's own digest, and a coach's brief on each client.

function weekLabel(slot: WeeklySlot): string {
  return `${formatDate(slot.weekFrom)} – ${formatDate(slot.weekTo)}`;
}

/** The weekly digest of every workspace the person writes in, or null when there is none. */
export async function buildWeekly(db: Executor, user: Recipient, slot: WeeklySlot, basics: MailBasics): Promise<RenderedMail | null> {
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
      url: `${basics.origin}/w/${ws.id}`,
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
  return renderWeeklyDigest({ ...basics, weekLabel: weekLabel(slot), workspaces: digest });
}

/** The coach's brief on each client workspace, or null when they coach none. */
export async function buildCoachWeekly(db: Executor, user: Recipient, slot: WeeklySlot, basics: MailBasics): Promise<RenderedMail | null> {
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
      url: `${basics.origin}/w/${ws.id}`,
      hours: Math.round(totals.reduce((n, t) => n + t.hours, 0) * 10) / 10,
      won: won?.n ?? 0,
      coldCount,
      goals: (goals.get(ws.id) ?? []).map((g) => g.progress),
    });
  }
  return renderCoachDigest({ ...basics, weekLabel: weekLabel(slot), clients, rosterUrl: `${basics.origin}/roster` });
}
