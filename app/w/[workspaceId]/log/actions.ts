'use server';

import { workspaceAction } from '@/lib/action';
import { quickLog } from '@/lib/data/quick-log';
import { quickLogSchema } from '@/lib/schemas/quick-log';

export const quickLogAction = workspaceAction(
  { schema: quickLogSchema, permission: 'records.write', activity: 'effort.quick_log' },
  async (ctx, input) => quickLog(ctx, input),
);
