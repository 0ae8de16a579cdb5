'use client';

import { CheckboxField, FormError } from '@/app/_components/field';
import { SaveButton } from '@/app/_components/pending-button';
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
          <CheckboxField
            key={item.key}
            id={`li-${item.key}`}
            label={item.label}
            hint={item.hint}
            className="flex items-start gap-3 rounded-lg border border-stone-200 p-3"
            {...checkbox(item.key)}
          />
        ))}
      </fieldset>
      {canWrite ? (
        <SaveButton submitting={submitting} saved={saved}>
          Save checklist
        </SaveButton>
      ) : (
        <p className="text-sm text-stone-600">Your role in this workspace can view the checklist but not change it.</p>
      )}
    </form>
  );
}
