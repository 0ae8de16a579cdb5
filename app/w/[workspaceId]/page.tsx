import type { Metadata } from 'next';
import Link from 'next/link';
import { Field, Options, SelectField } from '@/app/_components/field';
import { getDashboard, scoreDashboard, SIGNAL_CAP } from '@/lib/data/dashboard';
import { today } from '@/lib/dates';
import { CHANNELS, isChannelKey, recommend, RECOMMENDATIONS_SHOWN, type ChannelKey } from '@/lib/payoff';
import { DEFAULT_PERIOD, MODEL_LABELS, MODELS, parseDashboardView, PERIOD_LABELS, PERIODS, type DashboardView } from '@/lib/schemas/dashboard';
import { requireWorkspace } from '@/lib/workspace';
import { HoursVsValueChart, MonthlyTrendChart, ValueRangeChart } from './_dashboard/charts';
import { ChannelRanking } from './_dashboard/channel-ranking';
import { DueToday } from './_dashboard/due-today';
import { GoalsCard } from './_dashboard/goals-card';
import { Comments } from './_components/comments';

export const metadata: Metadata = { title: 'Dashboard' };

const PERIOD_PHRASE: Record<string, string> = {
  '30': 'in the last 30 days',
  '90': 'in the last 90 days',
  '365': 'in the last 12 months',
  all: 'so far',
  custom: 'in this period',
};

/**
 * The dashboard's address for this view at one channel's card, with its "Why this grade?" open or
 * not: the reasons are rendered only when asked for, which keeps the page light.
 */
function whyHref(base: string, view: DashboardView, channel: ChannelKey, open: boolean): string {
  const query = new URLSearchParams();
  if (view.period !== DEFAULT_PERIOD) query.set('period', view.period);
  if (view.period === 'custom') {
    query.set('from', view.from ?? '');
    query.set('to', view.to);
  }
  if (view.model !== 'first') query.set('model', view.model);
  if (open) query.set('why', channel);
  const search = query.toString();
  return `${base}${search ? `?${search}` : ''}#why-${channel}`;
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
  const data = await getDashboard(ctx, { period, today: now, dataVersion: ctx.workspace.dataVersion });
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

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{ctx.workspace.name}</h1>
        <p className="mt-1 text-stone-600">
          Which networking channels pay off: the hours and money {PERIOD_PHRASE[view.period]}, and everything that has come
          of them since.
        </p>
        {/* One line on a phone, so the verdicts come first; it opens to the controls. */}
        <details className="mt-2" open={Boolean(view.notice)}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {`${view.label} · ${MODEL_LABELS[view.model].toLowerCase()} attribution`}
            <span className="sr-only"> (change the period or attribution)</span>
          </summary>
          <form method="get" className="mt-2 flex flex-wrap items-end gap-2" aria-label="Dashboard view">
            <SelectField id="period" label="Period" name="period" defaultValue={view.period} selectClassName="input w-auto">
              <Options items={PERIODS} label={(p) => PERIOD_LABELS[p]} />
            </SelectField>
            <Field id="from" label="From (custom)">
              {(a) => <input {...a} name="from" type="date" defaultValue={view.period === 'custom' ? (view.from ?? '') : ''} className="input w-auto" />}
            </Field>
            <Field id="to" label="To (custom)">
              {(a) => <input {...a} name="to" type="date" defaultValue={view.period === 'custom' ? view.to : ''} className="input w-auto" />}
            </Field>
            <SelectField id="model" label="Attribution" name="model" defaultValue={view.model} selectClassName="input w-auto">
              <Options items={MODELS} label={(m) => MODEL_LABELS[m]} />
            </SelectField>
            <button type="submit" className="btn-secondary">
              Show
            </button>
          </form>
        </details>
      </div>

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
            <section aria-labelledby="advice-title" className="card border-brand-100 bg-brand-50">
              <h2 id="advice-title" className="text-lg font-semibold">
                What to do next
              </h2>
              <ul className="mt-2 list-disc space-y-1.5 pl-5">
                {recommendations.slice(0, RECOMMENDATIONS_SHOWN).map((r) => (
                  <li key={r.id}>{r.text}</li>
                ))}
              </ul>
              {recommendations.length > RECOMMENDATIONS_SHOWN ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">
                    {`${recommendations.length - RECOMMENDATIONS_SHOWN} more`}
                  </summary>
                  <ul className="mt-2 list-disc space-y-1.5 pl-5">
                    {recommendations.slice(RECOMMENDATIONS_SHOWN).map((r) => (
                      <li key={r.id}>{r.text}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </section>
          ) : null}

          <div className="grid gap-6 lg:grid-cols-3">
            <div className="space-y-6 lg:col-span-2">
              <ValueRangeChart channels={payoff.channels} currency={currency} />
              {payoff.channels.length > 0 ? (
                <ChannelRanking channels={payoff.channels} currency={currency} why={why} whyHref={(ch, open) => whyHref(base, view, ch, open)} />
              ) : (
                <section className="card">
                  <h2 className="text-lg font-semibold">No activity in this period</h2>
                  <p className="mt-2 text-stone-700">Nothing was logged {PERIOD_PHRASE[view.period]}. Try a longer period.</p>
                </section>
              )}
              {payoff.channels.length > 0 ? <HoursVsValueChart channels={payoff.channels} currency={currency} /> : null}
              <MonthlyTrendChart points={trend} through={view.to} />
            </div>
            <aside className="space-y-4" aria-label="Signals">
              <GoalsCard ctx={ctx} />
              <DueToday ctx={ctx} />
              <section className="card" aria-labelledby="cold-title">
                <h2 id="cold-title" className="font-semibold">
                  Going cold
                </h2>
                <p className="mt-1 text-3xl font-bold tabular-nums">{coldShown}</p>
                <p className="text-sm text-stone-700">
                  {signals.goingCold === 0
                    ? 'Every contact with a keep-in-touch cadence is up to date.'
                    : `${signals.goingCold === 1 ? 'contact is' : 'contacts are'} past their keep-in-touch cadence.`}
                </p>
                <Link className="link mt-2 inline-block text-sm" href={`${base}/contacts?cold=1`}>
                  See who to contact
                </Link>
              </section>
              <section className="card" aria-labelledby="li-title">
                <h2 id="li-title" className="font-semibold">
                  LinkedIn profile
                </h2>
                <p className="mt-1 text-sm text-stone-700">
                  {signals.linkedinMissing.length === 0
                    ? 'Checklist complete, or not started yet.'
                    : `Missing: ${signals.linkedinMissing.join(', ')}.`}
                </p>
                <Link className="link mt-2 inline-block text-sm" href={`${base}/linkedin`}>
                  Open the checklist
                </Link>
              </section>
              <section className="card" aria-labelledby="touch-title">
                <h2 id="touch-title" className="font-semibold">
                  Opportunities: first vs. last touch
                </h2>
                <div className="mt-2 overflow-x-auto">
                  <table className="w-full text-left text-sm [&_td]:py-1 [&_td+td]:text-right [&_td+td]:tabular-nums [&_th]:py-1 [&_th+th]:text-right [&_tbody_tr]:border-t [&_tbody_tr]:border-stone-100 [&_td:not(:last-child)]:pr-2 [&_th:not(:last-child)]:pr-2">
                    <thead>
                      <tr>
                        <th>Channel</th>
                        <th>First</th>
                        <th>Last</th>
                      </tr>
                    </thead>
                    <tbody>
                      {CHANNELS.map((ch) => {
                        const f = first.channels.find((c) => c.channel === ch.key)?.opportunities ?? 0;
                        const l = last.channels.find((c) => c.channel === ch.key)?.opportunities ?? 0;
                        if (f === 0 && l === 0) return null;
                        return (
                          <tr key={ch.key}>
                            <td>{ch.name}</td>
                            <td>{Math.round(f * 10) / 10}</td>
                            <td>{Math.round(l * 10) / 10}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                {payoff.uncreditedOpportunities > 0 ? (
                  <p className="mt-2 text-sm text-stone-600">
                    {`${payoff.uncreditedOpportunities} ${payoff.uncreditedOpportunities === 1 ? 'opportunity has' : 'opportunities have'} no contact or effort to credit.`}
                  </p>
                ) : null}
              </section>
            </aside>
          </div>
        </>
      )}
      <Comments workspaceId={workspaceId} entity="dashboard" entityId={null} />
    </div>
  );
}
