'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import {
  createOpportunity,
  deleteOpportunity,
  moveOpportunityStage,
  updateOpportunity,
} from '@/lib/data/opportunities';
import {
  moveStageSchema,
  opportunityIdSchema,
  opportunitySchema,
  opportunityUpdateSchema,
} from '@/lib/schemas/opportunity';

export const createOpportunityAction = workspaceAction({ schema: opportunitySchema, permission: 'records.write', activity: 'opportunity.create' }, createOpportunity);

export const updateOpportunityAction = workspaceAction({ schema: opportunityUpdateSchema, permission: 'records.write', activity: 'opportunity.update' }, updateOpportunity);

export const moveOpportunityStageAction = workspaceAction(
  { schema: moveStageSchema, permission: 'records.write', activity: 'opportunity.move' },
  async (ctx, input) => moveOpportunityStage(ctx, input.id, input.stage, input.version, input.wonValue),
);

export const deleteOpportunityAction = workspaceAction(
  { schema: opportunityIdSchema, permission: 'records.write', activity: 'opportunity.delete' },
  async (ctx, input) => deleteOpportunity(ctx, input.id),
);

const toOpportunity = (workspaceId: string, opportunity: { id: string }) => `/w/${workspaceId}/opportunities/${opportunity.id}`;
export const createOpportunityFormAction = workspaceFormAction(createOpportunityAction, { redirectTo: toOpportunity });
export const updateOpportunityFormAction = workspaceFormAction(updateOpportunityAction, { redirectTo: toOpportunity });
export const moveOpportunityStageFormAction = workspaceFormAction(moveOpportunityStageAction);
export const deleteOpportunityFormAction = workspaceFormAction(deleteOpportunityAction, { redirectTo: (workspaceId) => `/w/${workspaceId}/opportunities` });
