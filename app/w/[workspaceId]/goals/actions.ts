'use server';

import { redirect } from 'next/navigation';
import { workspaceAction } from '@/lib/action';
import { deleteGoal, setGoal } from '@/lib/data/goals';
import { goalSchema, goalTargetSchema } from '@/lib/schemas/goal';
import { isUuid } from '@/lib/workspace';

export const setGoalAction = workspaceAction({ schema: goalSchema, permission: 'goals.write', activity: 'goal.set' }, setGoal);

export const deleteGoalAction = workspaceAction(
  { schema: goalTargetSchema, permission: 'goals.write', activity: 'goal.delete' },
  async (ctx, input) => deleteGoal(ctx, input.id),
);

// Plain form posts (no script needed): the page shows the outcome from a short code in the address.
function back(workspaceId: string, outcome: string): never {
  if (!isUuid(workspaceId)) redirect('/');
  redirect(`/w/${workspaceId}/goals?${outcome}`);
}

/** The goals page's form: sets (or changes) one weekly goal. */
export async function saveGoalFormAction(workspaceId: string, formData: FormData): Promise<void> {
  const sent = {
    channel: String(formData.get('channel') ?? '').slice(0, 40),
    measure: String(formData.get('measure') ?? '').slice(0, 40),
    target: String(formData.get('target') ?? '').slice(0, 40),
  };
  const result = await setGoalAction(workspaceId, { ...sent, measure: sent.measure as 'efforts' });
  if (result.ok) back(workspaceId, 'saved=1');
  // A refused form comes back with what was sent, so the page can show it again with its errors.
  back(workspaceId, `error=${result.fieldErrors ? 'invalid' : 'refused'}&${new URLSearchParams(sent)}`);
}

/** The Remove button of one goal. */
export async function removeGoalFormAction(workspaceId: string, formData: FormData): Promise<void> {
  const result = await deleteGoalAction(workspaceId, { id: String(formData.get('id') ?? '') });
  back(workspaceId, result.ok ? 'removed=1' : 'error=refused');
}
