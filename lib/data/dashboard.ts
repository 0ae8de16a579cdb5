import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { assertCan } from '@/lib/permissions';
import { today as todayIso, addDays } from '@/lib/dates';
import { channelDays } from '@/db/schema';
import {
  CHANNEL_KEYS,
  computePayoff,
  emptyTotals,
  isChannelKey,
  MATURING_DAYS,
  ROLLUP_SUMS,
  type AttributionModel,
  type ChannelKey,
  type ChannelTotals,
  type OpportunityTouches,
  type PayoffResult,
  type Stage,
} from '@/lib/payoff';
import { goingColdSql } from './contacts';
import { executor, type WorkspaceCtx } from './context';
import { createViewCache } from './view-cache';

export interface Period {
  /** Inclusive; null means from the beginning. */
  from: string | null;
  to: string;
}

type Row = Record<string, unknown>;

async function rows(ctx: WorkspaceCtx, query: SQL): Promise<Row[]> {
  const db = await executor(ctx);
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function within(column: SQL, period: Period): SQL {
  return period.from ? sql`${column} between ${period.from} and ${period.to}` : sql`${column} <= ${period.to}`;
}

/** The first day whose hours are still maturing, per channel: its usual lag counted back from today. */
function maturingFromSql(today: string): SQL {
  const cases = CHANNEL_KEYS.map((k) => sql`when ${k} then ${addDays(today, -(MATURING_DAYS[k] - 1))}::date`);
  return sql`(case channel::text ${sql.join(cases, sql` `)} end)`;
}

/**
 * Per-channel totals for a period, aggregated in SQL: hours from time entries dated in the period
 * (and how many of them are still maturing, younger than the channel's usual lag), effort counts,
 * money and drain from efforts dated in it, yearly dues prorated by the days of membership that fall
 * in it, and contacts met in it with how many remembered you since, whenever that was.
 */
export async function getChannelTotals(ctx: WorkspaceCtx, period: Period, today: string = todayIso()): Promise<ChannelTotals[]> {
  assertCan(ctx, 'workspace.read');
  const ws = ctx.workspaceId;
  const byChannel = new Map<ChannelKey, ChannelTotals>();
  const row = (channel: unknown) => {
    const key = String(channel);
    if (!isChannelKey(key)) return null;
    if (!byChannel.has(key)) byChannel.set(key, emptyTotals(key));
    return byChannel.get(key)!;
  };

  // Hours, effort counts, money, drain and the contacts met (and who of them remembered you) come from
  // the per-day rollup the database keeps in step with every write, so a period costs as many rows as
  // it has days, however long the history.
  // One round trip: the rollup's sums per channel, then (kind 'dues') the dues per channel.
  // Dues accrue per day of membership; only the days inside the period are charged to it.
  // Each sum of ROLLUP_SUMS is its channel_days column's sum, named as the totals name it.
  const sums = sql.join(ROLLUP_SUMS.map((k) => sql`sum(${channelDays[k]}) as ${sql.identifier(k)}`), sql`, `);
  const noSums = sql.join(ROLLUP_SUMS.map(() => sql`null`), sql`, `);
  const result = await rows(ctx, sql`
    select 'days' as kind, channel, ${sums}, null::numeric as dues,
      sum(hours) filter (where day >= ${maturingFromSql(today)}) as maturing
    from channel_days
    where workspace_id = ${ws} and ${within(sql`day`, period)}
    group by channel
    union all
    select 'dues', channel, ${noSums}, sum(
      yearly_dues / 365.0 * greatest(0,
        (least(coalesce(left_on, ${period.to}::date), ${period.to}::date)
          - greatest(coalesce(joined_on, date), ${period.from ?? '1970-01-01'}::date)) + 1)), null
    from efforts
    where workspace_id = ${ws} and yearly_dues > 0
    group by channel`);
  const daily = result.filter((r) => r.kind === 'days');
  const dues = result.filter((r) => r.kind === 'dues');

  for (const r of daily) {
    const t = row(r.channel);
    if (!t) continue;
    for (const k of ROLLUP_SUMS) t[k] += num(r[k]);
    t.maturingHours += num(r.maturing);
  }
  for (const r of dues) {
    const amount = Math.round(num(r.dues) * 100) / 100;
    if (amount <= 0) continue;
    const t = row(r.channel);
    if (t) t.money += amount;
  }
  for (const t of byChannel.values()) {
    t.hours = Math.round(t.hours * 100) / 100;
    t.maturingHours = Math.round(t.maturingHours * 100) / 100;
    t.money = Math.round(t.money * 100) / 100;
  }
  return [...byChannel.values()];
}

/**
 * The period's cohort of opportunities: those that came of what was invested in it (the tied effort,
 * or the contact met, in the period), whenever they opened, with the channels that touched their
 * contact before they opened. Paid stretch work counts as a win of its paid amount, once: unless a
 * won opportunity is tied to that project already.
 */
export async function getOpportunityTouches(ctx: WorkspaceCtx, period: Period): Promise<OpportunityTouches[]> {
  assertCan(ctx, 'workspace.read');
  const ws = ctx.workspaceId;
  // The channels and the cohort day are copied onto each opportunity by database triggers (see the
  // opportunities table), so this reads the period's opportunities and nothing else.
  const result = await rows(ctx, sql`
    select id::text as id, stage, expected_value::float8 as expected_value, won_value::float8 as won_value,
      opened_on::text as opened_on, effort_channel::text as effort_channel, opened_on - contact_met_on as days_to_open,
      array_to_string(touch_channels, ',') as touches
    from opportunities
    where workspace_id = ${ws} and ${within(sql`invested_on`, period)}
    union all
    select 'paid:' || e.id::text, 'won', e.paid_amount::float8, e.paid_amount::float8, e.date::text, 'stretch', null, ''
    from efforts e
    where e.workspace_id = ${ws} and e.channel = 'stretch' and e.paid_amount > 0 and ${within(sql`e.date`, period)}
      and not exists (
        select 1 from opportunities o
        where o.workspace_id = ${ws} and o.effort_id = e.id and o.stage = 'won')
    order by 5, 1`);
  return result.map((r) => {
    const touches = r.touches ? String(r.touches).split(',').filter(isChannelKey) : [];
    const effortChannel = r.effort_channel && isChannelKey(String(r.effort_channel)) ? (String(r.effort_channel) as ChannelKey) : null;
    const openedOn = String(r.opened_on).slice(0, 10);
    return {
      id: String(r.id),
      stage: String(r.stage) as Stage,
      expectedValue: num(r.expected_value),
      wonValue: num(r.won_value),
      openedOn,
      effortChannel,
      touches,
      daysFromMeetingToOpen: r.days_to_open === null || r.days_to_open === undefined ? null : Math.max(0, Number(r.days_to_open)),
    };
  });
}

export interface MonthlyPoint {
  month: string;
  channel: ChannelKey;
  hours: number;
  opportunities: number;
}

/** Hours (time entries) and opportunities opened (credited to the channel where the contact was met or the tied effort), per month and channel. */
export async function getMonthlyTrend(ctx: WorkspaceCtx, period: Period): Promise<MonthlyPoint[]> {
  assertCan(ctx, 'workspace.read');
  const ws = ctx.workspaceId;
  // One round trip: hours per month and channel from the rollup, then opportunities opened.
  const result = await rows(ctx, sql`
    select 'hours' as kind, to_char(date_trunc('month', day), 'YYYY-MM') as month, channel, sum(hours) as n
    from channel_days
    where workspace_id = ${ws} and ${within(sql`day`, period)} and hours <> 0
    group by 2, 3
    union all
    select 'opportunities', to_char(date_trunc('month', opened_on), 'YYYY-MM'), coalesce(effort_channel, met_channel), count(*)
    from opportunities
    where workspace_id = ${ws} and ${within(sql`opened_on`, period)} and coalesce(effort_channel, met_channel) is not null
    group by 2, 3`);
  const points = new Map<string, MonthlyPoint>();
  const at = (month: string, channel: ChannelKey) => {
    const key = `${month}|${channel}`;
    if (!points.has(key)) points.set(key, { month, channel, hours: 0, opportunities: 0 });
    return points.get(key)!;
  };
  for (const r of result) {
    if (!isChannelKey(String(r.channel))) continue;
    const point = at(String(r.month), String(r.channel) as ChannelKey);
    if (r.kind === 'hours') point.hours += num(r.n);
    else point.opportunities += num(r.n);
  }
  return [...points.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Signal counts stop here: past it the dashboard says "more than", and the list pages have the rest. */
export const SIGNAL_CAP = 99;

export interface DashboardSignals {
  /** Up to SIGNAL_CAP + 1, which means more than SIGNAL_CAP. */
  goingCold: number;
  coldAfterDays: number;
  unrelatedStretch: { id: string; title: string }[];
  /** Up to SIGNAL_CAP + 1, which means more than SIGNAL_CAP. */
  thankYousMissing: number;
  linkedinMissing: string[];
  hasAnyRecord: boolean;
}

const CHECKLIST_LABELS: Array<[string, string]> = [
  ['summary', 'a summary'],
  ['work_history', 'work history'],
  ['affiliations', 'affiliations'],
  ['degrees', 'degrees'],
  ['hobbies', 'hobbies'],
];

/** Signals beside the scores: contacts going cold, unrelated stretch projects, missing thank-yous, the LinkedIn checklist. */
export async function getDashboardSignals(ctx: WorkspaceCtx, period: Period, today: string): Promise<DashboardSignals> {
  assertCan(ctx, 'workspace.read');
  const ws = ctx.workspaceId;
  // One round trip for every signal. The going-cold and thank-you counts stop one past the cap and
  // read partial indexes (contacts_workspace_cold_idx, efforts_workspace_thanks_idx, whose predicate
  // the thank-you filter repeats), so a long history costs no more than a short one.
  const [row] = await rows(ctx, sql`
    select cold.n as cold_n, cold.days as cold_days,
      (select count(*) from (
         select 1 from efforts
         where workspace_id = ${ws} and channel = 'interviews' and thank_you_sent is not true
           and date < ${today}::date - 2
         limit ${SIGNAL_CAP + 1}) missing) as thanks_n,
      (select coalesce(json_agg(json_build_object('id', s.id, 'title', s.title) order by s.date desc), '[]'::json) from (
         select id, title, date from efforts
         where workspace_id = ${ws} and channel = 'stretch' and similarity = 'unrelated' and ${within(sql`date`, period)}
         order by date desc limit 3) s) as stretch,
      (select row_to_json(l) from (
         select summary, work_history, affiliations, degrees, hobbies from linkedin_checklists where workspace_id = ${ws}) l) as checklist,
      (exists (select 1 from efforts where workspace_id = ${ws})
        or exists (select 1 from contacts where workspace_id = ${ws})
        or exists (select 1 from opportunities where workspace_id = ${ws})) as any
    from (
      select count(*) as n, coalesce(round(avg(cadence_days)), 0) as days from (
        select cadence_days from contacts
        where workspace_id = ${ws} and ${goingColdSql(today)}
        limit ${SIGNAL_CAP + 1}) c) cold`);
  const json = <T,>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  const stretch = json<Row[] | null>(row?.stretch) ?? [];
  const list = json<Row | null>(row?.checklist);
  // Only nag about the profile once the person works the LinkedIn channel at all or started the list.
  const linkedinMissing = list ? CHECKLIST_LABELS.filter(([k]) => !list[k]).map(([, label]) => label) : [];
  return {
    goingCold: num(row?.cold_n),
    coldAfterDays: num(row?.cold_days),
    unrelatedStretch: stretch.map((r) => ({ id: String(r.id), title: String(r.title) })),
    thankYousMissing: num(row?.thanks_n),
    linkedinMissing,
    hasAnyRecord: Boolean(row?.any),
  };
}

export interface DashboardData {
  totals: ChannelTotals[];
  touches: OpportunityTouches[];
  trend: MonthlyPoint[];
  signals: DashboardSignals;
}

// A few hundred views of recent periods; long all-time histories count by the opportunities they hold.
const dashboards = createViewCache<DashboardData>({
  maxEntries: 500,
  maxWeight: 200_000,
  weigh: (d) => d.touches.length + d.totals.length + d.trend.length,
});

/**
 * Everything the dashboard reads for a period, served from memory while the workspace's data
 * version (ctx's workspace row, read by the caller this request) is unchanged. Inside a transaction
 * it always reads, since that transaction may hold writes not yet committed.
 */
export async function getDashboard(
  ctx: WorkspaceCtx,
  { period, today, dataVersion }: { period: Period; today: string; dataVersion: number },
): Promise<DashboardData> {
  assertCan(ctx, 'workspace.read');
  const load = async () => {
    const [totals, touches, trend, signals] = await Promise.all([
      getChannelTotals(ctx, period, today),
      getOpportunityTouches(ctx, period),
      getMonthlyTrend(ctx, period),
      getDashboardSignals(ctx, period, today),
    ]);
    return { totals, touches, trend, signals };
  };
  if (ctx.tx) return load();
  return dashboards.get(`${ctx.workspaceId}:${dataVersion}:${period.from ?? ''}:${period.to}:${today}`, load);
}

// Scoring a view is pure arithmetic over it, but with a year of opportunities it costs milliseconds
// per model, and a dashboard scores three; the results live as long as the view they were made from.
const payoffs = new WeakMap<DashboardData, Map<string, PayoffResult>>();

/**
 * The payoff of a view under one attribution model, computed once per view and model: a view kept
 * in memory is scored once, not on every request. Callers must not change what it returns.
 */
export function scoreDashboard(
  data: DashboardData,
  { hourlyValue, currency, model }: { hourlyValue: number; currency: string; model: AttributionModel },
): PayoffResult {
  let byModel = payoffs.get(data);
  if (!byModel) payoffs.set(data, (byModel = new Map()));
  const key = `${model}:${hourlyValue}:${currency}`;
  let result = byModel.get(key);
  if (!result) {
    result = computePayoff({ hourlyValue, totals: data.totals, opportunities: data.touches, model, currency });
    byModel.set(key, result);
  }
  return result;
}
