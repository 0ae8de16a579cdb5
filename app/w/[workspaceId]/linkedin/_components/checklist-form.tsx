'use client';

import { FormError } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { LINKEDIN_ITEMS } from '@/lib/schemas/effort-options';
import type { LinkedinChecklistInput } from '@/lib/schemas/linkedin-checklist';
import { saveLinkedinChecklistAction, saveLinkedinChecklistFormAction } from '../actions';

/** The five profile items as checkboxes, saved together. Read-only roles see them disabled. */
export function ChecklistForm({
  workspaceId,
  initial,
  canWrite,
}: {
  workspaceId: string;
  initial: LinkedinChecklistInput;
  canWrite: boolean;
}) {
  const { formProps, checkbox, formError, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/linkedin-checklist').then((m) => m.linkedinChecklistSchema),
    formAction: saveLinkedinChecklistFormAction,
    defaultValues: initial,
    action: (values) => saveLinkedinChecklistAction(workspaceId, values),
  });
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="LinkedIn profile checklist">
      <FormError message={formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <fieldset disabled={!canWrite} className="space-y-2">
        <legend className="sr-only">Profile sections done</legend>
        {LINKEDIN_ITEMS.map((item) => (
          <div key={item.key} className="flex items-start gap-3 rounded-lg border border-stone-200 p-3">
            <input
              id={`li-${item.key}`}
              type="checkbox"
              {...checkbox(item.key)}
              aria-describedby={`li-${item.key}-hint`}
              className="mt-1 h-5 w-5 accent-brand-700"
            />
            <div>
              <label htmlFor={`li-${item.key}`} className="font-medium">
                {item.label}
              </label>
              <p id={`li-${item.key}-hint`} className="text-sm text-stone-600">
                {item.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {canWrite ? (
        <div className="flex items-center gap-3">
          <PendingButton pending={submitting} pendingLabel="Saving…">
            Save checklist
          </PendingButton>
          <p role="status" className="text-sm text-brand-700">
            {saved && !submitting ? 'Saved.' : ''}
          </p>
        </div>
      ) : (
        <p className="text-sm text-stone-600">Your role in this workspace can view the checklist but not change it.</p>
      )}
    </form>
  );
}
