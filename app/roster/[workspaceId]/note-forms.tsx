'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Disclosure } from '@/app/_components/disclosure';
import { Field, FormError } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { useHydrated } from '@/app/_components/use-hydrated';
import { COACH_NOTE_MAX } from '@/lib/schemas/limits';
import {
  addCoachNoteAction,
  addCoachNoteFormAction,
  deleteCoachNoteAction,
  deleteCoachNoteFormAction,
  updateCoachNoteAction,
  updateCoachNoteFormAction,
} from './actions';

export function NoteForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    // The validator loads on first use, so the page ships no zod.
    schema: () => import('@/lib/schemas/team').then((m) => m.coachNoteSchema),
    formAction: addCoachNoteFormAction,
    defaultValues: { body: '' },
    action: (values) => addCoachNoteAction(workspaceId, values),
    onSuccess: () => {
      form.reset({ body: '' });
      router.refresh();
    },
  });
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label="Add a private note">
      <FormError message={formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <Field id="note-body" label="Private note" hint={`Only you can read it. Up to ${COACH_NOTE_MAX} characters.`} error={errors.body?.message}>
        {(a) => <textarea {...a} {...field('body')} rows={4} className="input" />}
      </Field>
      <PendingButton pending={submitting} pendingLabel="Saving…">
        Save note
      </PendingButton>
    </form>
  );
}

export function NoteEditor({ workspaceId, id, body }: { workspaceId: string; id: string; body: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const { formProps, field, formError, errors, submitting, posted } = useActionForm({
    schema: () => import('@/lib/schemas/team').then((m) => m.updateCoachNoteSchema),
    formAction: updateCoachNoteFormAction,
    defaultValues: { id, body },
    action: (values) => updateCoachNoteAction(workspaceId, values),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const editor = (
    <form {...formProps} noValidate className="basis-full space-y-2" aria-label="Edit note">
      <FormError message={formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="id" value={id} />
      <Field id={`note-${id}`} label="Edit note" error={errors.body?.message}>
        {(a) => <textarea {...a} {...field('body')} rows={4} className="input" autoFocus={hydrated} />}
      </Field>
      <div className="flex gap-2">
        <PendingButton pending={submitting} pendingLabel="Saving…">
          Save note
        </PendingButton>
        {hydrated ? (
          <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
  // Before the script runs, Edit opens the form in place natively.
  if (!hydrated) {
    return (
      <Disclosure summary="Edit" open={Boolean(posted && !posted.ok)}>
        {editor}
      </Disclosure>
    );
  }
  if (!open) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        Edit
      </button>
    );
  }
  return editor;
}

export function DeleteNoteButton({ workspaceId, id, describe }: { workspaceId: string; id: string; describe: string }) {
  return (
    <ConfirmButton
      className="btn-secondary"
      label="Delete"
      labelDetail={describe}
      title="Delete this note?"
      message="The note is gone for good."
      confirmLabel="Delete note"
      action={() => deleteCoachNoteAction(workspaceId, { id })}
      form={{ action: deleteCoachNoteFormAction, fields: { workspaceId, id } }}
    />
  );
}
