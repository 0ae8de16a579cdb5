'use client';

import { useEffect, useState } from 'react';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { TextEditor, TextForm } from '@/app/_components/text-form';
import { useActionForm } from '@/app/_components/use-action-form';
import { useFocusOnClose } from '@/app/_components/use-focus-on-close';
import { COMMENT_MAX, type CommentEntity } from '@/lib/schemas/comment-options';
import {
  addCommentAction,
  addCommentFormAction,
  deleteCommentAction,
  deleteCommentFormAction,
  editCommentAction,
  editCommentFormAction,
} from '../comments-actions';

export function CommentForm({ workspaceId, entity, entityId }: { workspaceId: string; entity: CommentEntity; entityId: string | null }) {
  const fieldId = `comment-${entity}-${entityId ?? 'all'}`;
  const [posted, setPosted] = useState(0);
  const comment = useActionForm({
    schema: () => import('@/lib/schemas/comment').then((m) => m.commentSchema),
    formAction: addCommentFormAction,
    defaultValues: { entity, entityId, body: '' },
    action: (values) => addCommentAction(workspaceId, values),
    onSuccess: () => {
      comment.form.reset({ entity, entityId, body: '' });
      setPosted((n) => n + 1);
    },
  });
  const { form, errors, submitting } = comment;
  // After a post, back to the empty box for the next comment rather than to the top of the page
  // (the focused button was disabled while sending, which drops focus).
  useEffect(() => {
    if (posted > 0 && !submitting) form.setFocus('body');
  }, [posted, submitting, form]);
  // The target is fixed by the page; a refused one is reported with the form.
  const targetError = errors.entityId?.message ?? errors.entity?.message;
  return (
    <TextForm
      form={comment}
      label="Add a comment"
      className="mt-4 space-y-3"
      error={targetError}
      hidden={{ workspaceId, entity, entityId: entityId ?? '' }}
      fieldId={fieldId}
      fieldLabel="Your comment"
      hint={`Plain text, up to ${COMMENT_MAX} characters.`}
      rows={3}
      submitLabel="Post comment"
      pendingLabel="Posting…"
    />
  );
}

/** `describe` names the comment for screen readers, where a page has several Edit buttons. */
export function CommentEditor({ workspaceId, id, body, describe }: { workspaceId: string; id: string; body: string; describe: string }) {
  const [open, setOpen] = useState(false);
  // Saving or cancelling puts the focus back on Edit rather than on the page.
  const editButton = useFocusOnClose<HTMLButtonElement>(open);
  const comment = useActionForm({
    schema: () => import('@/lib/schemas/comment').then((m) => m.editCommentSchema),
    formAction: editCommentFormAction,
    defaultValues: { id, body },
    action: (values) => editCommentAction(workspaceId, values),
    onSuccess: () => {
      setOpen(false);
    },
  });
  return (
    <TextEditor
      form={comment}
      open={open}
      onOpen={() => setOpen(true)}
      onCancel={() => {
        comment.form.reset({ id, body });
        setOpen(false);
      }}
      describe={describe}
      editButton={editButton}
      label="Edit comment"
      hidden={{ workspaceId, id }}
      fieldId={`edit-${id}`}
      fieldLabel="Edit your comment"
      rows={3}
      submitLabel="Save comment"
    />
  );
}

export function DeleteCommentButton({ workspaceId, id, mine, describe }: { workspaceId: string; id: string; mine: boolean; describe: string }) {
  return (
    <ConfirmButton
      className="btn-secondary"
      label="Delete"
      labelDetail={describe}
      doneNotice="Comment deleted."
      title="Delete this comment?"
      message={mine ? 'Your comment is removed for everyone.' : 'This comment is removed for everyone, including its author.'}
      confirmLabel="Delete comment"
      action={() => deleteCommentAction(workspaceId, { id })}
      form={{ action: deleteCommentFormAction, fields: { workspaceId, id } }}
    />
  );
}
