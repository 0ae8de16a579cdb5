'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { COACH_NOTE_MAX } from '@/lib/schemas/limits';
import { addCoachNoteAction, deleteCoachNoteAction, updateCoachNoteAction } from './actions';

export function NoteForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errors, submitting } = useActionForm({
    // The validator loads on first use, so the page ships no zod.
    schema: () => import('@/lib/schemas/team').then((m) => m.coachNoteSchema),
    defaultValues: { body: '' },
    action: (values) => addCoachNoteAction(workspaceId, values),
    onSuccess: () => {
      form.reset({ body: '' });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a private note">
      <FormError message={formError} />
      <Field id="note-body" label="Private note" hint={`Only you can read it. Up to ${COACH_NOTE_MAX} characters.`} error={errors.body?.message}>
        {(a) => <textarea {...a} {...form.register('body')} rows={4} className="input" />}
      </Field>
      <button type="submit" className="btn-primary" disabled={submitting}>
        {submitting ? 'Saving…' : 'Save note'}
      </button>
    </form>
  );
}

export function NoteEditor({ workspaceId, id, body }: { workspaceId: string; id: string; body: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, onSubmit, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/team').then((m) => m.updateCoachNoteSchema),
    defaultValues: { id, body },
    action: (values) => updateCoachNoteAction(workspaceId, values),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        Edit
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="basis-full space-y-2" aria-label="Edit note">
      <FormError message={formError} />
      <Field id={`note-${id}`} label="Edit note" error={errors.body?.message}>
        {(a) => <textarea {...a} {...form.register('body')} rows={4} className="input" autoFocus />}
      </Field>
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
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
    />
  );
}
