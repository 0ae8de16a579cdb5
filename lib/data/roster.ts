import 'server-only';
import { sql } from 'drizzle-orm';
import { addDays } from '@/lib/dates';
import { assertCan } from '@/lib/permissions';
import {
  CHANNEL_KEYS,
  computePayoff,
  type ChannelKey,
  type ChannelTotals,
  type Grade,
  type Verdict,
  type OpportunityTouches,
  type PayoffResult,
} from '@/lib/payoff';
import type { RosterView } from '@/lib/schemas/team';
import type { Role } from '@/db/schema';
import { executor, type WorkspaceCtx } from './context';
import { getChannelTotals, getOpportunityTouches, type Period } from './dashboard';
import { listMyWorkspaces } from './workspaces';

export const ROSTER_DAYS = 90;

export interface ChannelGrade {
  /** Null: too early to grade. */
  grade: Grade | null;
  verdict: Verdict;
  /** The cautious end of the value-per-hour range, for sorting. */
  score: number;
  hours: number;
}

export interface RosterRow {
  workspaceId: string;
  workspaceName: string;
  /** The person whose workspace it is: its first owner. */
  ownerName: string | null;
  role: Role;
  currency: string;
  grades: Partial<Record<ChannelKey, ChannelGrade>>;
  hoursThisMonth: number;
  /** Opportunities won in the last ROSTER_DAYS days. */
  wins: number;
  goingCold: number;
  lastActivity: Date | null;
}

export interface Roster {
  rows: RosterRow[];
  team: Omit<RosterRow, 'workspaceId' | 'workspaceName' | 'ownerName' | 'role' | 'currency'>;
}

export interface WorkspaceStats {
  name: string;
  ownerName: string | null;
  hourlyValue: number;
  currency: string;
  hoursThisMonth: number;
  wins: number;
  goingCold: number;
  lastActivity: Date | null;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The roster figures of one workspace besides its grades, in one round trip. */
export async function getWorkspaceStats(ctx: WorkspaceCtx, period: Period): Promise<WorkspaceStats | null> {
  assertCan(ctx, 'workspace.read');
  const ws = ctx.workspaceId;
  const monthStart = `${period.to.slice(0, 7)}-01`;
  const db = await executor(ctx);
  const result = (await db.execute(sql`
    select w.name, w.hourly_value, w.currency,
      (select u.name from memberships m join users u on u.id = m.user_id
        where m.workspace_id = ${ws} and m.role = 'owner' order by m.created_at, m.id limit 1) as owner_name,
      (select coalesce(sum(t.hours), 0) from time_entries t
        where t.workspace_id = ${ws} and t.date between ${monthStart}::date and ${period.to}::date) as hours_month,
      (select count(*) from opportunities o
        where o.workspace_id = ${ws} and o.stage = 'won'
          and coalesce(o.closed_on, o.opened_on) between ${period.from ?? '1970-01-01'}::date and ${period.to}::date) as wins,
      (select count(*) from contacts c
        where c.workspace_id = ${ws} and c.cadence_days is not null
          and contact_due_on(c.last_touch_on, c.met_on, c.created_at, c.cadence_days) < ${period.to}::date) as cold,
      -- A coach's private notes are not the client's activity.
      (select max(a.at) from activity_log a where a.workspace_id = ${ws} and a.action not like 'note.%') as last_activity
    from workspaces w where w.id = ${ws}`)) as unknown as { rows: Record<string, unknown>[] };
  const r = result.rows[0];
  if (!r) return null;
  return {
    name: String(r.name),
    ownerName: r.owner_name === null || r.owner_name === undefined ? null : String(r.owner_name),
    hourlyValue: num(r.hourly_value),
    currency: String(r.currency),
    hoursThisMonth: Math.round(num(r.hours_month) * 100) / 100,
    wins: num(r.wins),
    goingCold: num(r.cold),
    lastActivity: r.last_activity ? new Date(r.last_activity as string | Date) : null,
  };
}

function gradesOf(payoff: PayoffResult): Partial<Record<ChannelKey, ChannelGrade>> {
  const out: Partial<Record<ChannelKey, ChannelGrade>> = {};
  for (const c of payoff.channels) out[c.channel] = { grade: c.grade, verdict: c.verdict, score: c.rankBound, hours: c.hours };
  return out;
}

/**
 * Every workspace the user can see, side by side for the last ROSTER_DAYS days, and the team as
 * a whole. Each workspace is read through a context built from the user's own membership, so the
 * same permission checks and workspace filters apply as on its dashboard.
 */
export async function getRoster(userId: string, { today }: { today: string }): Promise<Roster> {
  const period: Period = { from: addDays(today, -(ROSTER_DAYS - 1)), to: today };
  const memberships = await listMyWorkspaces(userId);
  const allTotals: ChannelTotals[] = [];
  const allTouches: OpportunityTouches[] = [];
  const hourlyValues = new Set<number>();
  const rows: RosterRow[] = [];
  // One workspace at a time: a coach with many clients should not exhaust the connection pool.
  for (const m of memberships) {
    const ctx: WorkspaceCtx = { userId, workspaceId: m.id, role: m.role };
    const stats = await getWorkspaceStats(ctx, period);
    if (!stats) continue;
    const [totals, touches] = await Promise.all([getChannelTotals(ctx, period), getOpportunityTouches(ctx, period)]);
    const payoff = computePayoff({ hourlyValue: stats.hourlyValue, totals, opportunities: touches, model: 'first', currency: stats.currency });
    allTotals.push(...totals);
    allTouches.push(...touches);
    hourlyValues.add(stats.hourlyValue);
    rows.push({
      workspaceId: m.id,
      workspaceName: stats.name,
      ownerName: stats.ownerName,
      role: m.role,
      currency: stats.currency,
      grades: gradesOf(payoff),
      hoursThisMonth: stats.hoursThisMonth,
      wins: stats.wins,
      goingCold: stats.goingCold,
      lastActivity: stats.lastActivity,
    });
  }
  // Members may price their hours differently; the team's grades then use the model's default reference.
  const teamHourlyValue = hourlyValues.size === 1 ? [...hourlyValues][0] : 0;
  const team = computePayoff({ hourlyValue: teamHourlyValue, totals: allTotals, opportunities: allTouches, model: 'first' });
  const latest = rows.reduce<Date | null>((max, r) => (r.lastActivity && (!max || r.lastActivity > max) ? r.lastActivity : max), null);
  return {
    rows,
    team: {
      grades: gradesOf(team),
      hoursThisMonth: Math.round(rows.reduce((s, r) => s + r.hoursThisMonth, 0) * 100) / 100,
      wins: rows.reduce((s, r) => s + r.wins, 0),
      goingCold: rows.reduce((s, r) => s + r.goingCold, 0),
      lastActivity: latest,
    },
  };
}

/** The rows in the order the view asks for; empty values always sort last. Ties keep a stable order by name. */
export function sortRoster(rows: readonly RosterRow[], view: RosterView): RosterRow[] {
  const sign = view.dir === 'desc' ? -1 : 1;
  const key = (r: RosterRow): string | number | null => {
    switch (view.sort) {
      case 'person':
        return r.ownerName?.toLowerCase() ?? null;
      case 'workspace':
        return r.workspaceName.toLowerCase();
      case 'hours':
        return r.hoursThisMonth;
      case 'wins':
        return r.wins;
      case 'cold':
        return r.goingCold;
      case 'activity':
        return r.lastActivity ? r.lastActivity.getTime() : null;
      default:
        return (CHANNEL_KEYS as readonly string[]).includes(view.sort) ? (r.grades[view.sort as ChannelKey]?.score ?? null) : null;
    }
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    if (ka !== null && kb !== null && ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return a.workspaceName.localeCompare(b.workspaceName) || a.workspaceId.localeCompare(b.workspaceId);
  });
}
