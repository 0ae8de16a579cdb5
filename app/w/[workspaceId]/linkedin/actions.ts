'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import { saveLinkedinChecklist } from '@/lib/data/linkedin-checklist';
import { linkedinChecklistSchema } from '@/lib/schemas/linkedin-checklist';

export const saveLinkedinChecklistAction = workspaceAction(
  { schema: linkedinChecklistSchema, permission: 'records.write', activity: 'linkedin_checklist.update' },
  async (ctx, input) => {
    const saved = await saveLinkedinChecklist(ctx, input);
    return { done: saved.done };
  },
);
export const saveLinkedinChecklistFormAction = workspaceFormAction(saveLinkedinChecklistAction);
