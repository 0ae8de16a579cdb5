'use client';

import { Field, Options, SelectField } from '@/app/_components/field';
import { MODEL_LABELS, MODELS, PERIOD_LABELS, PERIODS, type ModelKey, type PeriodKey } from '@/lib/schemas/dashboard-options';

/**
 * The dashboard's heading and its view: one line on a phone, so the verdicts come first, that opens
 * to the period and attribution controls (a plain GET form, so it works before any script). A client
 * component so that the page's payload carries the few values it shows, not its form's markup.
 */
export function ViewControls({
  title,
  intro,
  summary,
  open,
  period,
  from,
  to,
  model,
}: {
  title: string;
  intro: string;
  summary: string;
  /** Open when the view was corrected, so the person sees what is shown. */
  open: boolean;
  period: PeriodKey;
  /** The custom period's dates, empty unless the period is custom. */
  from: string;
  to: string;
  model: ModelKey;
}) {
  return (
    <div>
      <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
      <p className="mt-1 text-stone-600">{intro}</p>
      <details className="mt-2" open={open}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          {summary}
          <span className="sr-only"> (change the period or attribution)</span>
        </summary>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-2" aria-label="Dashboard view">
          <SelectField id="period" label="Period" name="period" defaultValue={period} selectClassName="input w-auto">
            <Options items={PERIODS} label={(p) => PERIOD_LABELS[p]} />
          </SelectField>
          <Field id="from" label="From (custom)">
            {(a) => <input {...a} name="from" type="date" defaultValue={from} className="input w-auto" />}
          </Field>
          <Field id="to" label="To (custom)">
            {(a) => <input {...a} name="to" type="date" defaultValue={to} className="input w-auto" />}
          </Field>
          <SelectField id="model" label="Attribution" name="model" defaultValue={model} selectClassName="input w-auto">
            <Options items={MODELS} label={(m) => MODEL_LABELS[m]} />
          </SelectField>
          <button type="submit" className="btn-secondary">
            Show
          </button>
        </form>
      </details>
    </div>
  );
}
