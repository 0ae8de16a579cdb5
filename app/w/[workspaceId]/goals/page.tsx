import type { Metadata } from 'next';
import { Field, Options, SelectField } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { goalWeek, listGoalProgress } from '@/lib/data/goals';
import { formatDate, today } from '@/lib/dates';
import { CHANNELS } from '@/lib/payoff';
import { can } from '@/lib/permissions';
import { goalSchema, MAX_GOAL_TARGET, MAX_GOALS } from '@/lib/schemas/goal';
import { removeGoalFormAction, saveGoalFormAction } from './actions';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Weekly goals' };

const OUTCOMES: Record<string, { tone: 'status' | 'alert'; text: string }> = {
  saved: { tone: 'status', text: 'Goal saved.' },
  removed: { tone: 'status', text: 'Goal removed.' },
  invalid: { tone: 'alert', text: 'That goal could not be saved: see the form below.' },
  refused: { tone: 'alert', text: `That goal could not be saved: a workspace keeps at most ${MAX_GOALS} goals, and only its owner and coach set them. Reload the page to see the latest.` },
};

/** One value of the address, as text (a repeated key counts as absent). */
function text(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.slice(0, 40) : '';
}

export default workspacePage(async ({ ctx, workspaceId, searchParams }) => {
  const query = await searchParams;
  const week = goalWeek(today());
  const goals = await listGoalProgress(ctx, week);
  const writable = can(ctx.role, 'goals.write');
  // After a refused post, the form shows what was sent, and the schema's own messages beside its fields.
  const sent = query.error ? { channel: text(query.channel), measure: text(query.measure), target: text(query.target) } : null;
  const checked = sent ? goalSchema.safeParse(sent) : null;
  const errors: Partial<Record<'channel' | 'measure' | 'target', string>> = {};
  for (const issue of checked && !checked.success ? checked.error.issues : []) {
    const key = issue.path[0] as keyof typeof errors;
    errors[key] ??= issue.message;
  }
  const outcome = OUTCOMES[typeof query.error === 'string' ? query.error : query.saved ? 'saved' : query.removed ? 'removed' : ''];

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Weekly goals"
        description={`What to do each week, agreed between the owner and their coach. Progress counts the last seven days (${formatDate(week.from)} – ${formatDate(week.to)}).`}
      />
      {outcome ? (
        <p role={outcome.tone} className={`card ${outcome.tone === 'alert' ? 'border-red-300 text-red-800' : 'border-brand-100 text-brand-800'}`}>
          {outcome.text}
        </p>
      ) : null}
      <section aria-labelledby="goals-title">
        <h2 id="goals-title" className="text-lg font-semibold">
          This week
        </h2>
        {goals.length === 0 ? (
          <p className="mt-2 text-stone-700">No weekly goal yet.</p>
        ) : (
          <ul className="mt-2 space-y-2" aria-label="Weekly goals">
            {goals.map((g) => (
              <li key={g.id} className="card flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span aria-hidden="true">{g.met ? '✓ ' : '○ '}</span>
                  {g.progress}
                  {g.met ? <span className="text-brand-800"> — met</span> : null}
                </span>
                {writable ? (
                  <form action={removeGoalFormAction.bind(null, workspaceId)}>
                    <input type="hidden" name="id" value={g.id} />
                    <button type="submit" className="btn-secondary">
                      Remove<span className="sr-only"> the goal {g.label}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {writable ? (
        <section className="card" aria-labelledby="new-goal-title">
          <h2 id="new-goal-title" className="font-semibold">
            Set a goal
          </h2>
          <p className="mt-1 text-sm text-stone-600">Setting the same channel and measure again changes its target.</p>
          <form action={saveGoalFormAction.bind(null, workspaceId)} className="mt-3 flex flex-wrap items-end gap-3" aria-label="Set a weekly goal">
            <Field id="goal-target" label="How many a week" error={errors.target} className="space-y-1">
              {(a) => (
                <input
                  {...a}
                  name="target"
                  type="number"
                  min={0.5}
                  max={MAX_GOAL_TARGET}
                  step={0.5}
                  required
                  defaultValue={sent?.target ?? 2}
                  className="input w-28"
                />
              )}
            </Field>
            <SelectField id="goal-measure" label="Of" name="measure" defaultValue={sent?.measure ?? 'efforts'} error={errors.measure} className="max-w-full space-y-1" selectClassName="input w-auto max-w-full">
              <option value="efforts">efforts (each one logged)</option>
              <option value="hours">hours</option>
            </SelectField>
            <SelectField id="goal-channel" label="Channel" name="channel" defaultValue={sent?.channel ?? 'interviews'} error={errors.channel} className="max-w-full space-y-1" selectClassName="input w-auto max-w-full">
              <option value="">Any channel</option>
              <Options items={CHANNELS} value={(c) => c.key} label={(c) => c.name} />
            </SelectField>
            <button type="submit" className="btn-primary">
              Save goal
            </button>
          </form>
        </section>
      ) : (
        <p className="text-sm text-stone-600">The workspace&apos;s owner and their coach set its weekly goals.</p>
      )}
    </div>
  );
});
