'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { TextEditor, TextForm } from '@/app/_components/text-form';
import { useActionForm } from '@/app/_components/use-action-form';
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
  const note = useActionForm({
    // The validator loads on first use, so the page ships no zod.
    schema: () => import('@/lib/schemas/team').then((m) => m.coachNoteSchema),
    formAction: addCoachNoteFormAction,
    defaultValues: { body: '' },
    action: (values) => addCoachNoteAction(workspaceId, values),
    onSuccess: () => {
      note.form.reset({ body: '' });
      router.refresh();
    },
  });
  return (
    <TextForm
      form={note}
      label="Add a private note"
      className="space-y-3"
      hidden={{ workspaceId }}
      fieldId="note-body"
      fieldLabel="Private note"
      hint={`Only you can read it. Up to ${COACH_NOTE_MAX} characters.`}
      rows={4}
      submitLabel="Save note"
    />
  );
}

export function NoteEditor({ workspaceId, id, body }: { workspaceId: string; id: string; body: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const note = useActionForm({
    schema: () => import('@/lib/schemas/team').then((m) => m.updateCoachNoteSchema),
    formAction: updateCoachNoteFormAction,
    defaultValues: { id, body },
    action: (values) => updateCoachNoteAction(workspaceId, values),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <TextEditor
      form={note}
      open={open}
      onOpen={() => setOpen(true)}
      onCancel={() => setOpen(false)}
      label="Edit note"
      hidden={{ workspaceId, id }}
      fieldId={`note-${id}`}
      fieldLabel="Edit note"
      rows={4}
      submitLabel="Save note"
    />
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
      form={{ action: deleteCoachNoteFormAction, fields: { workspaceId, id } }}
    />
  );
}
