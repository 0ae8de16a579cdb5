'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import {
  addTimeEntry,
  createEffort,
  deleteEffort,
  deleteTimeEntry,
  updateEffort,
  updateTimeEntry,
} from '@/lib/data/efforts';
import {
  addTimeEntrySchema,
  deleteEffortSchema,
  deleteTimeEntrySchema,
  effortSchema,
  updateEffortSchema,
  updateTimeEntrySchema,
} from '@/lib/schemas/effort';

export const createEffortAction = workspaceAction({ schema: effortSchema, permission: 'records.write', activity: 'effort.create' }, createEffort);

export const updateEffortAction = workspaceAction(
  { schema: updateEffortSchema, permission: 'records.write', activity: 'effort.update' },
  async (ctx, { id, ...input }) => updateEffort(ctx, id, input),
);

export const deleteEffortAction = workspaceAction(
  { schema: deleteEffortSchema, permission: 'records.write', activity: 'effort.delete' },
  async (ctx, { id }) => deleteEffort(ctx, id),
);

export const addTimeEntryAction = workspaceAction(
  { schema: addTimeEntrySchema, permission: 'records.write', activity: 'time_entry.create' },
  async (ctx, { effortId, ...entry }) => addTimeEntry(ctx, effortId, entry),
);

export const updateTimeEntryAction = workspaceAction(
  { schema: updateTimeEntrySchema, permission: 'records.write', activity: 'time_entry.update' },
  async (ctx, { id, ...entry }) => updateTimeEntry(ctx, id, entry),
);

export const deleteTimeEntryAction = workspaceAction(
  { schema: deleteTimeEntrySchema, permission: 'records.write', activity: 'time_entry.delete' },
  async (ctx, { id }) => deleteTimeEntry(ctx, id),
);

// Posted before the script runs: a saved effort opens its page; time entries answer on the effort's page.
const toEffort = (workspaceId: string, effort: { id: string }) => `/w/${workspaceId}/efforts/${effort.id}`;
export const createEffortFormAction = workspaceFormAction(createEffortAction, { redirectTo: toEffort });
export const updateEffortFormAction = workspaceFormAction(updateEffortAction, { redirectTo: toEffort });
export const addTimeEntryFormAction = workspaceFormAction(addTimeEntryAction);
export const updateTimeEntryFormAction = workspaceFormAction(updateTimeEntryAction);
export const deleteTimeEntryFormAction = workspaceFormAction(deleteTimeEntryAction);
export const deleteEffortFormAction = workspaceFormAction(deleteEffortAction, { redirectTo: (workspaceId) => `/w/${workspaceId}/efforts` });
