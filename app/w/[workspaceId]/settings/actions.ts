'use server';

import { workspaceAction } from '@/lib/action';
import { updateWorkspaceSettings } from '@/lib/data/workspaces';
import { workspaceSettingsSchema } from '@/lib/schemas/workspace';

export const updateWorkspaceSettingsAction = workspaceAction(
  { schema: workspaceSettingsSchema, permission: 'workspace.settings', activity: 'workspace.update' },
  async (ctx, input) => updateWorkspaceSettings(ctx, input),
);
