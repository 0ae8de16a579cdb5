import type { Metadata } from 'next';
import Link from 'next/link';
import { listComments } from '@/lib/data/comments';
import { getDashboard, scoreDashboard, SIGNAL_CAP } from '@/lib/data/dashboard';
import { goalWeek, listGoalProgress } from '@/lib/data/goals';
import { listDueToday } from '@/lib/data/reminders/due';
import { can } from '@/lib/permissions';
import { today } from '@/lib/dates';
import { CHANNELS, isChannelKey, recommend, RECOMMENDATIONS_SHOWN } from '@/lib/payoff';
import { parseDashboardView, type DashboardView } from '@/lib/schemas/dashboard';
import { DEFAULT_PERIOD, MODEL_LABELS } from '@/lib/schemas/dashboard-options';
import { requireWorkspace } from '@/lib/workspace';
import { FirstLastCard, HoursVsValueChart, MonthlyTrendChart, ValueRangeChart } from './_dashboard/charts';
import { ChannelRanking } from './_dashboard/channel-ranking';
import { DueToday } from './_dashboard/due-today';
import { Advice, GoingCold, LinkedinSignal } from './_dashboard/cards';
import { channelFigures, trendRows } from './_dashboard/figures';
import { GoalsCard } from './_dashboard/goals-card';
import { ViewControls } from './_dashboard/view-controls';
import { CommentThread } from './_components/comments';

export const metadata: Metadata = { title: 'Dashboard' };

const PERIOD_PHRASE: Record<string, string> = {
  '30': 'in the last 30 days',
  '90': 'in the last 90 days',
  '365': 'in the last 12 months',
  all: 'so far',
  custom: 'in this period',
};

/** The query of the view shown (period and attribution), as the ranking's "Why this grade?" links keep it. */
function viewQuery(view: DashboardView): string {
  const query = new URLSearchParams();
  if (view.period !== DEFAULT_PERIOD) query.set('period', view.period);
  if (view.period === 'custom') {
    query.set('from', view.from ?? '');
    query.set('to', view.to);
  }
  if (view.model !== 'first') query.set('model', view.model);
  return query.toString();
}

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  const query = await searchParams;
  const view = parseDashboardView(query);
  const why = typeof query.why === 'string' && isChannelKey(query.why) ? query.why : null;
  const period = { from: view.from, to: view.to };
  const now = today();
  // Every read the page needs at once, so no card waits on its own round trip after the others.
  const [data, goals, due, comments] = await Promise.all([
    getDashboard(ctx, { period, today: now, dataVersion: ctx.workspace.dataVersion }),
    listGoalProgress(ctx, goalWeek(now)),
    // Snoozes are personal, and only people who keep the records act on them.
    can(ctx.role, 'records.write') ? listDueToday(ctx, { dataVersion: ctx.workspace.dataVersion }) : null,
    listComments(ctx, { entity: 'dashboard', entityId: null }),
  ]);
  const { trend, signals } = data;
  const currency = ctx.workspace.currency;
  const score = (model: DashboardView['model']) => scoreDashboard(data, { hourlyValue: ctx.workspace.hourlyValue ?? 0, currency, model });
  const payoff = score(view.model);
  const recommendations = recommend({
    channels: payoff.channels,
    periodLabel: PERIOD_PHRASE[view.period],
    currency,
    goingCold: { count: signals.goingCold, days: signals.coldAfterDays },
    unrelatedStretch: signals.unrelatedStretch,
    linkedinMissing: signals.linkedinMissing,
    thankYousMissing: signals.thankYousMissing,
    countCap: SIGNAL_CAP,
  });
  const coldShown = signals.goingCold > SIGNAL_CAP ? `${SIGNAL_CAP}+` : String(signals.goingCold);
  // First and last touch side by side: more honest than trusting any single model.
  const first = score('first');
  const last = score('last');
  const base = `/w/${workspaceId}`;
  const touchRows = CHANNELS.flatMap(({ key }) => {
    const f = first.channels.find((c) => c.channel === key)?.opportunities ?? 0;
    const l = last.channels.find((c) => c.channel === key)?.opportunities ?? 0;
    return f === 0 && l === 0 ? [] : [{ channel: key, first: f, last: l }];
  });
  const figures = channelFigures(payoff.channels);
  const yardstick = payoff.channels[0] ? { value: payoff.channels[0].yardstick, own: payoff.channels[0].yardstickIsOwn } : null;
  const whyOpen = why ? payoff.channels.find((c) => c.channel === why) : undefined;

  return (
    <div className="space-y-6">
      <ViewControls
        title={ctx.workspace.name}
        intro={`Which networking channels pay off: the hours and money ${PERIOD_PHRASE[view.period]}, and everything that has come of them since.`}
        summary={`${view.label} · ${MODEL_LABELS[view.model].toLowerCase()} attribution`}
        open={Boolean(view.notice)}
        period={view.period}
        from={view.period === 'custom' ? (view.from ?? '') : ''}
        to={view.period === 'custom' ? view.to : ''}
        model={view.model}
      />

      {view.notice ? (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.notice}
        </p>
      ) : null}

      {!signals.hasAnyRecord ? (
        <section aria-labelledby="empty-title" className="card">
          <h2 id="empty-title" className="text-lg font-semibold">
            Nothing logged yet
          </h2>
          <p className="mt-2 max-w-prose text-stone-700">
            Start with the last thing you did to meet people: a happy hour, a favor for someone, an informational
            interview or a club you work for. Log the hours it took and who you met; when something comes back — a
            call, a referral, a job — log that too, and every channel gets a grade here.
          </p>
          <p className="mt-4 flex flex-wrap gap-2">
            <Link className="btn-primary" href={`${base}/log`}>
              Log an effort
            </Link>
            {ctx.workspace.targetNiche ? null : (
              <Link className="btn-secondary" href={`${base}/settings`}>
                Set your target niche
              </Link>
            )}
          </p>
        </section>
      ) : (
        <>
          {recommendations.length > 0 ? (
            <Advice
              shown={recommendations.slice(0, RECOMMENDATIONS_SHOWN).map((r) => r.text)}
              more={recommendations.slice(RECOMMENDATIONS_SHOWN).map((r) => r.text)}
            />
          ) : null}

          <div className="grid gap-6 lg:grid-cols-3">
            <div className="space-y-6 lg:col-span-2">
              {yardstick ? <ValueRangeChart channels={figures} currency={currency} yardstick={yardstick} /> : null}
              {figures.length > 0 ? (
                <ChannelRanking
                  channels={figures}
                  currency={currency}
                  why={whyOpen ? { channel: whyOpen.channel, reasons: whyOpen.why } : null}
                  base={base}
                  view={viewQuery(view)}
                />
              ) : (
                <section className="card">
                  <h2 className="text-lg font-semibold">No activity in this period</h2>
                  <p className="mt-2 text-stone-700">Nothing was logged {PERIOD_PHRASE[view.period]}. Try a longer period.</p>
                </section>
              )}
              {figures.length > 0 ? <HoursVsValueChart channels={figures} currency={currency} /> : null}
              <MonthlyTrendChart rows={trendRows(trend)} through={view.to} />
            </div>
            <aside className="space-y-4" aria-label="Signals">
              <GoalsCard ctx={ctx} goals={goals} />
              {due ? <DueToday ctx={ctx} items={due.items} /> : null}
              <GoingCold count={signals.goingCold} shown={coldShown} href={`${base}/contacts?cold=1`} />
              <LinkedinSignal missing={signals.linkedinMissing} href={`${base}/linkedin`} />
              <FirstLastCard rows={touchRows} uncredited={payoff.uncreditedOpportunities} />
            </aside>
          </div>
        </>
      )}
      <CommentThread ctx={ctx} entity="dashboard" entityId={null} thread={comments} />
    </div>
  );
}
