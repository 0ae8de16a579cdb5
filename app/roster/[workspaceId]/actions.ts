'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import { addCoachNote, deleteCoachNote, updateCoachNote } from '@/lib/data/coach-notes';
import { coachNoteSchema, coachNoteTargetSchema, updateCoachNoteSchema } from '@/lib/schemas/team';

// Logged as "note.*" without content; the roster leaves these out of the client's last activity.
export const addCoachNoteAction = workspaceAction({ schema: coachNoteSchema, permission: 'notes.private', activity: 'note.create' }, addCoachNote);

export const updateCoachNoteAction = workspaceAction({ schema: updateCoachNoteSchema, permission: 'notes.private', activity: 'note.update' }, updateCoachNote);

export const deleteCoachNoteAction = workspaceAction(
  { schema: coachNoteTargetSchema, permission: 'notes.private', activity: 'note.delete' },
  async (ctx, input) => deleteCoachNote(ctx, input.id),
);

// The same, posted as forms before the script runs; the notes page shows the new list.
export const addCoachNoteFormAction = workspaceFormAction(addCoachNoteAction);
export const updateCoachNoteFormAction = workspaceFormAction(updateCoachNoteAction);
export const deleteCoachNoteFormAction = workspaceFormAction(deleteCoachNoteAction);
