import 'server-only';
import type { ActionResult } from '@/lib/action';
import type { QuickPathKind } from '@/lib/schemas/quick-path-options';
import { quickInterviewAction, quickLinkedinAction, quickLogAction, quickOrgTimeAction, quickReachedOutAction } from './actions';

/** Saves one quick-path record of any kind; the outbox's route and the forms without script both come here. */
export async function saveQuickPath(kind: QuickPathKind, workspaceId: string, values: Record<string, unknown>): Promise<ActionResult<unknown>> {
  switch (kind) {
    case 'event':
      return quickLogAction(workspaceId, values as never);
    case 'interview':
      return quickInterviewAction(workspaceId, values as never);
    case 'reached-out':
      return quickReachedOutAction(workspaceId, values as never);
    case 'org-time':
      return quickOrgTimeAction(workspaceId, values as never);
    case 'linkedin':
      return quickLinkedinAction(workspaceId, values as never);
  }
}

