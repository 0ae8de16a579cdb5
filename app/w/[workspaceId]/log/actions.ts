'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import { quickInterview, quickLinkedin, quickLog, quickOrgTime, quickReachedOut } from '@/lib/data/quick-log';
import { quickLogSchema } from '@/lib/schemas/quick-log';
import { quickInterviewSchema, quickLinkedinSchema, quickOrgTimeSchema, quickReachedOutSchema } from '@/lib/schemas/quick-paths';
import { formValues, type QuickFormState } from './form-state';
import { saveQuickPath } from './save';

export const quickLogAction = workspaceAction({ schema: quickLogSchema, permission: 'records.write', activity: 'effort.quick_log' }, quickLog);

/** The quick log posted before its script ran (with the script it goes through the phone's outbox): the saved evening opens. */
export const quickLogFormAction = workspaceFormAction(quickLogAction, { redirectTo: (workspaceId, logged) => `/w/${workspaceId}/efforts/${logged.id}` });

export const quickInterviewAction = workspaceAction({ schema: quickInterviewSchema, permission: 'records.write', activity: 'effort.quick_interview' }, quickInterview);

export const quickReachedOutAction = workspaceAction({ schema: quickReachedOutSchema, permission: 'records.write', activity: 'interaction.quick_reached_out' }, quickReachedOut);

export const quickOrgTimeAction = workspaceAction({ schema: quickOrgTimeSchema, permission: 'records.write', activity: 'effort.quick_org_time' }, quickOrgTime);

export const quickLinkedinAction = workspaceAction({ schema: quickLinkedinSchema, permission: 'records.write', activity: 'effort.quick_linkedin' }, quickLinkedin);

const FORM_KINDS = ['interview', 'reached-out', 'org-time', 'linkedin'] as const;

/** A quick path's form posted before (or without) its script: the result comes back as the form's state. */
export async function submitQuickPathAction(previous: QuickFormState, formData: FormData): Promise<QuickFormState> {
  const values = formValues(formData);
  const kind = FORM_KINDS.find((k) => k === values.quickPath);
  const workspaceId = typeof values.quickWorkspace === 'string' ? values.quickWorkspace : '';
  delete values.quickPath;
  delete values.quickWorkspace;
  const n = previous.n + 1;
  if (!kind) return { status: 'error', message: 'This form is out of date. Reload the page and try again.', values, n };
  const result = await saveQuickPath(kind, workspaceId, values);
  if (result.ok) return { status: 'saved', values: {}, n };
  return { status: 'error', message: result.formError, fieldErrors: result.fieldErrors, values, n };
}
