'use client';

import { useEffect, useState } from 'react';
import { PendingButton } from '@/app/_components/pending-button';
import { useFocusOnClose } from '@/app/_components/use-focus-on-close';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Disclosure } from '@/app/_components/disclosure';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { useHydrated } from '@/app/_components/use-hydrated';
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
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/comment').then((m) => m.commentSchema),
    formAction: addCommentFormAction,
    defaultValues: { entity, entityId, body: '' },
    action: (values) => addCommentAction(workspaceId, values),
    onSuccess: () => {
      form.reset({ entity, entityId, body: '' });
      setPosted((n) => n + 1);
    },
  });
  // After a post, back to the empty box for the next comment rather than to the top of the page
  // (the focused button was disabled while sending, which drops focus).
  useEffect(() => {
    if (posted > 0 && !submitting) form.setFocus('body');
  }, [posted, submitting, form]);
  // The target is fixed by the page; a refused one is reported with the form.
  const targetError = errors.entityId?.message ?? errors.entity?.message;
  return (
    <form {...formProps} noValidate className="mt-4 space-y-3" aria-label="Add a comment">
      <FormError message={targetError ?? formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="entityId" value={entityId ?? ''} />
      <Field id={fieldId} label="Your comment" hint={`Plain text, up to ${COMMENT_MAX} characters.`} error={errors.body?.message}>
        {(a) => <textarea {...a} {...field('body')} rows={3} className="input" />}
      </Field>
      <PendingButton pending={submitting} pendingLabel="Posting…">
        Post comment
      </PendingButton>
    </form>
  );
}

/** `describe` names the comment for screen readers, where a page has several Edit buttons. */
export function CommentEditor({ workspaceId, id, body, describe }: { workspaceId: string; id: string; body: string; describe: string }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  // Saving or cancelling puts the focus back on Edit rather than on the page.
  const editButton = useFocusOnClose<HTMLButtonElement>(open);
  const { form, formProps, field, formError, errors, submitting, posted } = useActionForm({
    schema: () => import('@/lib/schemas/comment').then((m) => m.editCommentSchema),
    formAction: editCommentFormAction,
    defaultValues: { id, body },
    action: (values) => editCommentAction(workspaceId, values),
    onSuccess: () => {
      setOpen(false);
    },
  });
  const editor = (
    <form {...formProps} noValidate className="basis-full space-y-2" aria-label="Edit comment">
      <FormError message={formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="id" value={id} />
      <Field id={`edit-${id}`} label="Edit your comment" error={errors.body?.message}>
        {(a) => <textarea {...a} {...field('body')} rows={3} className="input" autoFocus={hydrated} />}
      </Field>
      <div className="flex gap-2">
        <PendingButton pending={submitting} pendingLabel="Saving…">
          Save comment
        </PendingButton>
        {hydrated ? (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              form.reset({ id, body });
              setOpen(false);
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
  // Before the script runs, Edit opens the form in place natively.
  if (!hydrated) {
    return (
      <Disclosure summary={<>Edit<span className="sr-only"> {describe}</span></>} open={Boolean(posted && !posted.ok)}>
        {editor}
      </Disclosure>
    );
  }
  if (!open) {
    return (
      <button type="button" ref={editButton} className="btn-secondary" onClick={() => setOpen(true)}>
        Edit<span className="sr-only"> {describe}</span>
      </button>
    );
  }
  return editor;
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
