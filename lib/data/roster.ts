import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetween } from '@/lib/dates';
import {
  CHANNELS,
  computePayoff,
  DEFAULT_HOURLY_VALUE,
  median,
  pluralize,
  pooledPrior,
  type ChannelKey,
  type ChannelResult,
  type ChannelTotals,
  type Estimate,
  type Grade,
  type OpportunityTouches,
  type PooledPrior,
  type Verdict,
} from '@/lib/payoff';
import { OPEN_STAGES, STALE_OPPORTUNITY_DAYS } from '@/lib/reminders/due';
import { DEFAULT_PERIOD_DAYS } from '@/lib/schemas/dashboard-options';
import type { RosterView } from '@/lib/schemas/team';
import type { Role } from '@/db/schema';
import { goingColdSql } from './contacts';
import { executor, type WorkspaceCtx } from './context';
import { getDashboard, type Period } from './dashboard';
import { goalWeek, listGoalProgressOfMember, type GoalProgress } from './goals';

/** Hours are compared over rolling windows of this many days: the last four weeks against the four before. */
export const ROSTER_WINDOW_DAYS = 28;
/** Comments this recent, by someone other than the viewer, count as new. */
export const NEW_COMMENT_DAYS = 7;
/** A pooled figure is shown, and used as a prior, only when it draws on at least this many workspaces. */
export const MIN_POOL_WORKSPACES = 3;

/**
 * How much each reason weighs in "needs attention", per unit and capped. One table, so the order
 * can be explained: a client silent for weeks comes before one with a contact going cold.
 */
export const ATTENTION_WEIGHTS = {
  silentWeek: { perUnit: 2, cap: 16 },
  nothingLogged: { perUnit: 6, cap: 6 },
  hoursDown: { perUnit: 3, cap: 3 },
  overdue: { perUnit: 1.5, cap: 9 },
  stalled: { perUnit: 1.5, cap: 6 },
  cold: { perUnit: 0.5, cap: 4 },
  goalBehind: { perUnit: 1, cap: 3 },
  newComments: { perUnit: 0.5, cap: 1.5 },
} as const;
/** Silence shorter than this is not a reason yet. */
export const SILENT_AFTER_DAYS = 14;

export interface ChannelPick {
  channel: ChannelKey;
  name: string;
  grade: Grade | null;
  verdict: Verdict;
}

export interface ClientChannel {
  verdict: Verdict;
  grade: Grade | null;
  value: Estimate;
  hours: number;
}

export interface RosterStats {
  workspaceId: string;
  workspaceName: string;
  /** The person whose workspace it is: its first owner. */
  ownerName: string | null;
  role: Role;
  currency: string;
  hourlyValue: number;
  dataVersion: number;
  /** The last day something was logged for: an effort, hours or an interaction (YYYY-MM-DD). */
  lastActivity: string | null;
  hoursRecent: number;
  hoursBefore: number;
  goingCold: number;
  followUpsOverdue: number;
  opportunitiesOpened: number;
  opportunitiesOpen: number;
  opportunitiesStalled: number;
  newComments: number;
  hasRecords: boolean;
}

export interface Attention {
  score: number;
  /** In words, the weightiest first; empty when nothing needs attention. */
  reasons: string[];
}

export interface RosterRow extends RosterStats {
  best: ChannelPick | null;
  weakest: ChannelPick | null;
  channels: Partial<Record<ChannelKey, ClientChannel>>;
  goals: GoalProgress[];
  attention: Attention;
  /** Whether the grades were shrunk towards the pool of the viewer's clients. */
  pooledPrior: boolean;
}

export interface Benchmark {
  channel: ChannelKey;
  name: string;
  /** Clients with hours or opportunities in the channel. */
  workspaces: number;
  /** Fewer than MIN_POOL_WORKSPACES: nothing pooled is shown. */
  withheld: boolean;
  value: Estimate | null;
  paysOff: number;
  drains: number;
}

export interface Roster {
  clients: RosterRow[];
  /** The viewer's own workspaces, shown apart, and only when they hold records. */
  own: RosterRow[];
  benchmarks: Benchmark[];
  /** How many clients the pool draws on (same currency, with records); 0 when withheld. */
  poolSize: number;
  poolCurrency: string | null;
  /** Clients in another currency than the pool's, left out of it. */
  outsidePool: number;
  window: { recent: Period; before: Period; goals: { from: string; to: string } };
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const hours = (v: unknown) => Math.round(num(v) * 100) / 100;

// Every figure of the roster besides the payoff, for the workspaces `scope` picks among the
// user's memberships, in one round trip. The membership is joined inside the query, so a workspace
// the user was removed from is gone on the next request.
function statsSql(userId: string, today: string, scope: SQL): SQL {
  const recentFrom = addDays(today, -(ROSTER_WINDOW_DAYS - 1));
  const beforeFrom = addDays(today, -(2 * ROSTER_WINDOW_DAYS - 1));
  const commentsFrom = addDays(today, -(NEW_COMMENT_DAYS - 1));
  const open = sql.join(OPEN_STAGES.map((s) => sql`${s}`), sql`, `);
  return sql`
    select w.id, w.name, w.currency, w.hourly_value, w.data_version, m.role,
      (select u.name from memberships o join users u on u.id = o.user_id
        where o.workspace_id = w.id and o.role = 'owner' order by o.created_at, o.id limit 1) as owner_name,
      greatest(
        (select max(e.date) from efforts e where e.workspace_id = w.id and e.date <= ${today}::date),
        (select max(t.date) from time_entries t where t.workspace_id = w.id and t.date <= ${today}::date),
        (select max(i.date) from interactions i where i.workspace_id = w.id and i.date <= ${today}::date)
      )::text as last_activity,
      (select coalesce(sum(t.hours), 0) from time_entries t
        where t.workspace_id = w.id and t.date between ${recentFrom}::date and ${today}::date) as hours_recent,
      (select coalesce(sum(t.hours), 0) from time_entries t
        where t.workspace_id = w.id and t.date between ${beforeFrom}::date and ${addDays(recentFrom, -1)}::date) as hours_before,
      (select count(*) from contacts where contacts.workspace_id = w.id and ${goingColdSql(today)}) as cold,
      (select count(*) from contacts where contacts.workspace_id = w.id and contacts.next_follow_up_on < ${today}::date)
        + (select count(*) from efforts e where e.workspace_id = w.id and e.channel = 'interviews' and e.follow_up_on < ${today}::date) as overdue,
      (select count(*) from opportunities p where p.workspace_id = w.id and p.opened_on between ${recentFrom}::date and ${today}::date) as opened,
      (select count(*) from opportunities p where p.workspace_id = w.id and p.stage in (${open})) as open_now,
      -- Stalled as Due today has it: open, and unchanged for STALE_OPPORTUNITY_DAYS.
      (select count(*) from opportunities p where p.workspace_id = w.id and p.stage in (${open})
        and p.updated_at < ((${today}::date - ${STALE_OPPORTUNITY_DAYS}::int)::timestamp at time zone 'UTC')) as stalled,
      (select count(*) from comments c where c.workspace_id = w.id and c.author_id is distinct from ${userId}
        and c.created_at >= (${commentsFrom}::date::timestamp at time zone 'UTC')) as new_comments,
      (exists (select 1 from efforts e where e.workspace_id = w.id)
        or exists (select 1 from contacts where contacts.workspace_id = w.id)
        or exists (select 1 from opportunities p where p.workspace_id = w.id)) as has_records
    from memberships m join workspaces w on w.id = m.workspace_id
    where m.user_id = ${userId} and ${scope}
    order by m.created_at, w.name`;
}

function toStats(r: Row): RosterStats {
  return {
    workspaceId: String(r.id),
    workspaceName: String(r.name),
    ownerName: r.owner_name === null || r.owner_name === undefined ? null : String(r.owner_name),
    role: r.role as Role,
    currency: String(r.currency),
    hourlyValue: num(r.hourly_value),
    dataVersion: num(r.data_version),
    lastActivity: r.last_activity ? String(r.last_activity).slice(0, 10) : null,
    hoursRecent: hours(r.hours_recent),
    hoursBefore: hours(r.hours_before),
    goingCold: num(r.cold),
    followUpsOverdue: num(r.overdue),
    opportunitiesOpened: num(r.opened),
    opportunitiesOpen: num(r.open_now),
    opportunitiesStalled: num(r.stalled),
    newComments: num(r.new_comments),
    hasRecords: Boolean(r.has_records),
  };
}

/** Why a client needs attention this week, in words, and how much: pure, so the order can be tested. */
export function attentionOf(
  s: Pick<RosterStats, 'lastActivity' | 'hasRecords' | 'hoursRecent' | 'hoursBefore' | 'followUpsOverdue' | 'opportunitiesStalled' | 'goingCold' | 'newComments'>,
  goals: Pick<GoalProgress, 'met'>[],
  today: string,
): Attention {
  const parts: Array<[number, string]> = [];
  const add = (key: keyof typeof ATTENTION_WEIGHTS, units: number, words: string) => {
    const w = ATTENTION_WEIGHTS[key];
    if (units > 0) parts.push([Math.min(units * w.perUnit, w.cap), words]);
  };
  if (!s.hasRecords || s.lastActivity === null) {
    add('nothingLogged', 1, 'nothing logged yet');
  } else {
    const days = daysBetween(s.lastActivity, today);
    if (days >= SILENT_AFTER_DAYS) {
      const weeks = Math.floor(days / 7);
      add('silentWeek', weeks, `no activity for ${pluralize(weeks, 'week')}`);
    }
  }
  if (s.hoursBefore >= 2 && s.hoursRecent < s.hoursBefore / 2) {
    add('hoursDown', 1, `hours down from ${s.hoursBefore.toLocaleString('en-US')} h to ${s.hoursRecent.toLocaleString('en-US')} h over four weeks`);
  }
  add('overdue', s.followUpsOverdue, `${pluralize(s.followUpsOverdue, 'follow-up')} overdue`);
  add('stalled', s.opportunitiesStalled, `${pluralize(s.opportunitiesStalled, 'opportunity', 'opportunities')} stalled`);
  add('cold', s.goingCold, `${pluralize(s.goingCold, 'contact')} going cold`);
  const behind = goals.filter((g) => !g.met).length;
  add('goalBehind', behind, goals.length === 1 ? 'behind on the weekly goal' : `behind on ${behind} of ${goals.length} weekly goals`);
  add('newComments', s.newComments, `${pluralize(s.newComments, 'new comment')}`);
  parts.sort((a, b) => b[0] - a[0]);
  return { score: Math.round(parts.reduce((n, [w]) => n + w, 0) * 100) / 100, reasons: parts.map(([, words]) => words) };
}

function pick(c: ChannelResult | undefined): ChannelPick | null {
  return c ? { channel: c.channel, name: c.name, grade: c.grade, verdict: c.verdict } : null;
}

interface Loaded {
  stats: RosterStats;
  totals: ChannelTotals[];
  touches: OpportunityTouches[];
}

function score(l: Loaded, prior?: PooledPrior) {
  return computePayoff({ hourlyValue: l.stats.hourlyValue, totals: l.totals, opportunities: l.touches, model: 'first', currency: l.stats.currency, prior });
}

/** The pool of several clients' channels, as the payoff model shrinks towards it. */
function poolOf(clients: Loaded[]): PooledPrior {
  const channels = clients.flatMap((l) =>
    score(l).channels.map((c) => ({
      channel: c.channel,
      judgedHours: c.judgedHours,
      credit: { opportunities: c.opportunities, won: c.won, wonValue: c.wonValue, pipeline: c.pipeline, daysToOpen: [] },
      contactsMade: c.contactsMade,
      contactsRemembered: c.contactsRemembered,
    })),
  );
  const wonValues = clients.flatMap((l) => l.touches.filter((t) => t.stage === 'won').map((t) => t.wonValue));
  const yardstick = median(clients.map((l) => l.stats.hourlyValue).filter((v) => v > 0)) ?? DEFAULT_HOURLY_VALUE;
  return pooledPrior(channels, wonValues, yardstick);
}

/** Runs `fn` over the items a few at a time: a coach with many clients should not take every connection. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/**
 * The roster: every workspace shared with the user as coach, viewer or editor (their clients), and
 * apart from them the user's own workspaces that hold records. Each client's payoff is read through
 * a context built from the user's own membership, over the dashboard's default period, so the
 * verdicts are the dashboard's — except that with at least MIN_POOL_WORKSPACES clients in one
 * currency, their grades are shrunk towards the pool of those clients rather than each one's own.
 */
export async function getRoster(userId: string, { today }: { today: string }): Promise<Roster> {
  const db = await executor();
  const goalsWeek = goalWeek(today);
  const [statsResult, goals] = await Promise.all([
    db.execute(statsSql(userId, today, sql`true`)) as unknown as Promise<{ rows: Row[] }>,
    listGoalProgressOfMember(userId, goalsWeek, db),
  ]);
  const all = statsResult.rows.map(toStats);
  const period: Period = { from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today };
  const shown = all.filter((s) => s.role !== 'owner' || s.hasRecords);
  const loaded = await mapLimit(shown, 4, async (stats): Promise<Loaded> => {
    if (!stats.hasRecords) return { stats, totals: [], touches: [] };
    const ctx: WorkspaceCtx = { userId, workspaceId: stats.workspaceId, role: stats.role };
    const { totals, touches } = await getDashboard(ctx, { period, today, dataVersion: stats.dataVersion });
    return { stats, totals, touches };
  });

  const clients = loaded.filter((l) => l.stats.role !== 'owner');
  // Money figures pool only within one currency: the most common among clients with records.
  const currencies = new Map<string, number>();
  for (const l of clients) if (l.stats.hasRecords) currencies.set(l.stats.currency, (currencies.get(l.stats.currency) ?? 0) + 1);
  const [poolCurrency] = [...currencies].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null];
  const pool = clients.filter((l) => l.stats.hasRecords && l.stats.currency === poolCurrency);
  const pooled = pool.length >= MIN_POOL_WORKSPACES;
  const prior = pooled ? poolOf(pool) : undefined;
  const inPool = new Set(pooled ? pool.map((l) => l.stats.workspaceId) : []);

  const rows = loaded.map((l): RosterRow => {
    const usePrior = inPool.has(l.stats.workspaceId);
    const payoff = score(l, usePrior ? prior : undefined);
    const ranked = payoff.channels;
    const channels: Partial<Record<ChannelKey, ClientChannel>> = {};
    for (const c of ranked) channels[c.channel] = { verdict: c.verdict, grade: c.grade, value: c.value, hours: c.hours };
    const myGoals = goals.get(l.stats.workspaceId) ?? [];
    return {
      ...l.stats,
      best: pick(ranked[0]),
      weakest: ranked.length > 1 ? pick(ranked[ranked.length - 1]) : null,
      channels,
      goals: myGoals,
      attention: attentionOf(l.stats, myGoals, today),
      pooledPrior: usePrior,
    };
  });

  const benchmarks: Benchmark[] = CHANNELS.map((ch) => {
    const withData = pool.filter((l) => l.totals.some((t) => t.channel === ch.key && t.hours > 0) || l.touches.some((t) => t.touches[0] === ch.key || t.effortChannel === ch.key));
    const withheld = !pooled || withData.length < MIN_POOL_WORKSPACES;
    if (withheld) return { channel: ch.key, name: ch.name, workspaces: withData.length, withheld, value: null, paysOff: 0, drains: 0 };
    const together = computePayoff({
      hourlyValue: 0,
      totals: withData.flatMap((l) => l.totals.filter((t) => t.channel === ch.key)),
      opportunities: withData.flatMap((l) => l.touches),
      model: 'first',
      currency: poolCurrency ?? 'USD',
      prior,
    }).channels.find((c) => c.channel === ch.key);
    const verdicts = withData.map((l) => rows.find((r) => r.workspaceId === l.stats.workspaceId)?.channels[ch.key]?.verdict);
    return {
      channel: ch.key,
      name: ch.name,
      workspaces: withData.length,
      withheld,
      value: together?.value ?? null,
      paysOff: verdicts.filter((v) => v === 'Pays off').length,
      drains: verdicts.filter((v) => v === 'Time drain').length,
    };
  });

  const recentFrom = addDays(today, -(ROSTER_WINDOW_DAYS - 1));
  return {
    clients: rows.filter((r) => r.role !== 'owner'),
    own: rows.filter((r) => r.role === 'owner'),
    benchmarks,
    poolSize: pooled ? pool.length : 0,
    poolCurrency: pooled ? poolCurrency : null,
    outsidePool: pooled ? clients.filter((l) => l.stats.hasRecords && l.stats.currency !== poolCurrency).length : 0,
    window: {
      recent: { from: recentFrom, to: today },
      before: { from: addDays(today, -(2 * ROSTER_WINDOW_DAYS - 1)), to: addDays(recentFrom, -1) },
      goals: goalsWeek,
    },
  };
}

/** The rows the view asks for: filtered by client name, then sorted; empty values last, ties by name. */
export function sortRoster(rows: readonly RosterRow[], view: RosterView): RosterRow[] {
  const q = view.q.trim().toLowerCase();
  const matching = q
    ? rows.filter((r) => (r.ownerName ?? '').toLowerCase().includes(q) || r.workspaceName.toLowerCase().includes(q))
    : rows;
  const sign = view.dir === 'desc' ? -1 : 1;
  const key = (r: RosterRow): string | number | null => {
    switch (view.sort) {
      case 'attention':
        return r.attention.score;
      case 'person':
        return (r.ownerName ?? r.workspaceName).toLowerCase();
      case 'activity':
        return r.lastActivity;
      case 'hours':
        return r.hoursRecent;
      case 'trend':
        return r.hoursRecent - r.hoursBefore;
      case 'cold':
        return r.goingCold;
      case 'overdue':
        return r.followUpsOverdue;
      case 'opportunities':
        return r.opportunitiesOpen;
    }
  };
  const name = (r: RosterRow) => (r.ownerName ?? r.workspaceName).toLowerCase();
  return [...matching].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    if (ka !== null && kb !== null && ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return name(a).localeCompare(name(b)) || a.workspaceId.localeCompare(b.workspaceId);
  });
}
