import Link from 'next/link';
import type { WorkspaceCtx } from '@/lib/data/context';
import type { GoalProgress } from '@/lib/data/goals';
import { can } from '@/lib/permissions';

/**
 * The workspace's weekly goals and this week's progress, beside the dashboard's signals. The page
 * loads the goals together with its other reads, so this card renders without waiting on its own.
 */
export function GoalsCard({ ctx, goals }: { ctx: WorkspaceCtx; goals: GoalProgress[] }) {
  const writable = can(ctx.role, 'goals.write');
  if (goals.length === 0 && !writable) return null;
  return (
    <section className="card" aria-labelledby="goals-card-title">
      <h2 id="goals-card-title" className="font-semibold">
        Weekly goals
      </h2>
      {goals.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">No goal yet: agree one with your coach, such as two informational interviews a week.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {goals.map((g) => (
            <GoalLine key={g.id} goal={g} />
          ))}
        </ul>
      )}
      <Link className="link mt-2 inline-block text-sm" href={`/w/${ctx.workspaceId}/goals`}>
        {writable ? 'Set weekly goals' : 'See weekly goals'}
      </Link>
    </section>
  );
}

/** One weekly goal's progress, with whether it is met said to screen readers too. */
export function GoalLine({ goal }: { goal: { met: boolean; progress: string } }) {
  return (
    <li>
      <span aria-hidden="true">{goal.met ? '✓ ' : '○ '}</span>
      {goal.progress}
      <span className="sr-only">{goal.met ? ', met' : ', not met yet'}</span>
    </li>
  );
}
