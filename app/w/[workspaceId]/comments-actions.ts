'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import { addComment, deleteComment, updateComment } from '@/lib/data/comments';
import { commentSchema, commentTargetSchema, editCommentSchema } from '@/lib/schemas/comment';

export const addCommentAction = workspaceAction({ schema: commentSchema, permission: 'comments.write', activity: 'comment.create' }, addComment);

export const editCommentAction = workspaceAction({ schema: editCommentSchema, permission: 'comments.write', activity: 'comment.update' }, updateComment);

export const deleteCommentAction = workspaceAction(
  { schema: commentTargetSchema, permission: 'comments.write', activity: 'comment.delete' },
  async (ctx, input) => deleteComment(ctx, input.id),
);

// The same, posted as forms before the script runs; the page they are on shows the new list.
export const addCommentFormAction = workspaceFormAction(addCommentAction);
export const editCommentFormAction = workspaceFormAction(editCommentAction);
export const deleteCommentFormAction = workspaceFormAction(deleteCommentAction);
