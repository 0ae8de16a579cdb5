'use client';

import { ConfirmButton } from '@/app/_components/confirm-button';
import { deleteOpportunityAction, deleteOpportunityFormAction } from '../actions';

/** Delete with a confirmation, then back to the list. */
export function DeleteOpportunityButton({ workspaceId, id, title }: { workspaceId: string; id: string; title: string }) {
  return (
    <ConfirmButton
      label="Delete"
      title="Delete this opportunity?"
      message={`“${title}” will be removed, and the dashboard will stop counting it. This cannot be undone.`}
      confirmLabel="Delete opportunity"
      action={() => deleteOpportunityAction(workspaceId, { id })}
      form={{ action: deleteOpportunityFormAction, fields: { workspaceId, id } }}
      onDoneHref={`/w/${workspaceId}/opportunities`}
      doneNotice={`Opportunity “${title}” deleted.`}
    />
  );
}
