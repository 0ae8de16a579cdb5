import { addDays, today } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { isoDate } from './common';
import { DEFAULT_PERIOD, DEFAULT_PERIOD_DAYS, MODELS, PERIOD_LABELS, PERIODS, type PeriodKey } from './dashboard-options';

export interface DashboardView {
  period: PeriodKey;
  /** Inclusive bounds; from is null for all time. */
  from: string | null;
  to: string;
  model: (typeof MODELS)[number];
  label: string;
  /** Said above the dashboard when the dates asked for could not be used as they came. */
  notice?: string;
}

/** The dashboard's view from URL parameters; anything unknown falls back to the last 12 months, first touch. */
export function parseDashboardView(params: Record<string, string | string[] | undefined>, now = clockNow()): DashboardView {
  const pick = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  const period = (PERIODS as readonly string[]).includes(pick('period') ?? '') ? (pick('period') as PeriodKey) : DEFAULT_PERIOD;
  const model = (MODELS as readonly string[]).includes(pick('model') ?? '') ? (pick('model') as DashboardView['model']) : 'first';
  const end = today(now);
  const fallback = { period: DEFAULT_PERIOD, from: addDays(end, -(DEFAULT_PERIOD_DAYS - 1)), to: end, model, label: PERIOD_LABELS[DEFAULT_PERIOD] };
  const datesGiven = Boolean(pick('from')?.trim() || pick('to')?.trim());
  if (period === 'custom') {
    const from = isoDate().safeParse(pick('from')?.trim());
    const to = isoDate().safeParse(pick('to')?.trim());
    if (!from.success || !to.success) {
      return { ...fallback, notice: 'A custom period needs a From and a To date between 1970 and 2100, so the last 12 months are shown.' };
    }
    // A range typed the wrong way round is still clearly meant: show it, and say so.
    const [start, finish] = from.data <= to.data ? [from.data, to.data] : [to.data, from.data];
    return {
      period,
      from: start,
      to: finish,
      model,
      label: `${start} to ${finish}`,
      ...(from.data > to.data ? { notice: 'From was after To, so the two dates were swapped.' } : {}),
    };
  }
  const view: DashboardView =
    period === 'all'
      ? { period, from: null, to: end, model, label: PERIOD_LABELS.all }
      : { period, from: addDays(end, -(Number(period) - 1)), to: end, model, label: PERIOD_LABELS[period] };
  return datesGiven ? { ...view, notice: `From and To apply only when Period is Custom; showing ${PERIOD_LABELS[period].toLowerCase()}.` } : view;
}
