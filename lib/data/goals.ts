import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { weeklyGoals } from '@/db/schema';
import { addDays } from '@/lib/dates';
import type { ChannelKey } from '@/lib/payoff/channels';
import { assertCan } from '@/lib/permissions';
import { fail, type ActionFailure } from '@/lib/result';
import { describeGoal, MAX_GOALS, type GoalInput, type GoalMeasure } from '@/lib/schemas/goal';
import { executor, inWorkspace, type WorkspaceCtx } from './context';

export interface GoalProgress {
  id: string;
  channel: ChannelKey | null;
  measure: GoalMeasure;
  target: number;
  /** Efforts dated, or hours logged, in the week asked about. */
  done: number;
  met: boolean;
  /** "2 informational interviews a week" */
  label: string;
  /** "1 of 2 informational interviews a week" */
  progress: string;
}

/** The rolling week that ends today: goals are read over the last seven days, whatever the weekday. */
export function goalWeek(today: string): { from: string; to: string } {
  return { from: addDays(today, -6), to: today };
}

type Row = Record<string, unknown>;

// The goals of the workspaces `scope` picks, with what was done towards each in the week.
function progressSql(scope: SQL, week: { from: string; to: string }): SQL {
  return sql`
    select g.workspace_id, g.id, g.channel, g.measure, g.target,
      case g.measure
        when 'efforts' then (select count(*) from efforts e
          where e.workspace_id = g.workspace_id and (g.channel is null or e.channel = g.channel)
            and e.date between ${week.from}::date and ${week.to}::date)
        else (select coalesce(sum(t.hours), 0) from time_entries t join efforts e on e.id = t.effort_id and e.workspace_id = t.workspace_id
          where t.workspace_id = g.workspace_id and (g.channel is null or e.channel = g.channel)
            and t.date between ${week.from}::date and ${week.to}::date)
      end as done
    from weekly_goals g
    where ${scope}
    order by g.created_at, g.measure, g.channel nulls first, g.id`;
}

function toProgress(r: Row): GoalProgress {
  const goal = { channel: (r.channel as ChannelKey | null) ?? null, measure: r.measure as GoalMeasure, target: Number(r.target) };
  const done = Math.round(Number(r.done) * 100) / 100;
  const label = describeGoal(goal);
  return { id: String(r.id), ...goal, done, met: done >= goal.target, label, progress: `${done.toLocaleString('en-US')} of ${label}` };
}

/** The workspace's weekly goals with what was done towards each between `from` and `to`. */
export async function listGoalProgress(ctx: WorkspaceCtx, week: { from: string; to: string }): Promise<GoalProgress[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const result = (await db.execute(progressSql(sql`g.workspace_id = ${ctx.workspaceId}`, week))) as unknown as { rows: Row[] };
  return result.rows.map(toProgress);
}

/**
 * The goals of every workspace the user is a member of, by workspace, in one round trip: the
 * membership is checked inside the query, so a workspace the user left has none.
 */
export async function listGoalProgressOfMember(userId: string, week: { from: string; to: string }, db?: Executor): Promise<Map<string, GoalProgress[]>> {
  const run = db ?? (await executor());
  const scope = sql`g.workspace_id in (select m.workspace_id from memberships m where m.user_id = ${userId})`;
  const result = (await run.execute(progressSql(scope, week))) as unknown as { rows: Row[] };
  const out = new Map<string, GoalProgress[]>();
  for (const r of result.rows) {
    const ws = String(r.workspace_id);
    out.set(ws, [...(out.get(ws) ?? []), toProgress(r)]);
  }
  return out;
}

/** Sets a weekly goal, replacing the target of the same goal (channel and measure) when there is one. */
export async function setGoal(ctx: WorkspaceCtx, input: GoalInput): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'goals.write');
  const db = await executor(ctx);
  const same = and(
    eq(weeklyGoals.workspaceId, ctx.workspaceId),
    input.channel === null ? sql`${weeklyGoals.channel} is null` : eq(weeklyGoals.channel, input.channel),
    eq(weeklyGoals.measure, input.measure),
  );
  const [existing] = await db.update(weeklyGoals).set({ target: input.target, setBy: ctx.userId }).where(same).returning({ id: weeklyGoals.id });
  if (existing) return existing;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(weeklyGoals)
    .where(eq(weeklyGoals.workspaceId, ctx.workspaceId));
  if (n >= MAX_GOALS) return fail(`A workspace keeps at most ${MAX_GOALS} weekly goals. Remove one first.`);
  const [row] = await db
    .insert(weeklyGoals)
    .values({ workspaceId: ctx.workspaceId, channel: input.channel, measure: input.measure, target: input.target, setBy: ctx.userId })
    .returning({ id: weeklyGoals.id });
  return row;
}

/** Removes one of the workspace's goals; a goal of another workspace is not found. */
export async function deleteGoal(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'goals.write');
  const db = await executor(ctx);
  const [row] = await db
    .delete(weeklyGoals)
    .where(inWorkspace(weeklyGoals, id, ctx.workspaceId))
    .returning({ id: weeklyGoals.id });
  return row ?? fail('This goal no longer exists. Reload the page.');
}
