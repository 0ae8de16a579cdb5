'use server';

import { z } from 'zod';
import { fail, workspaceAction } from '@/lib/action';
import { markDueItem } from '@/lib/data/reminders/due';

const dueItemSchema = z.object({
  itemKey: z.string().min(1).max(120),
  action: z.enum(['done', 'snooze7', 'snooze30']),
});

/** Marks a "Due today" item done or snoozes it, for the caller only. */
export const markDueItemAction = workspaceAction(
  { schema: dueItemSchema, permission: 'records.write', activity: 'reminder.mark' },
  async (ctx, input) => {
    const result = await markDueItem(ctx, input);
    if (!result.ok) return fail(result.formError);
    return { until: result.data.until };
  },
);
