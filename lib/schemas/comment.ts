import { z } from 'zod';
import { longText, uuid } from './common';

import { COMMENT_ENTITIES, COMMENT_MAX } from './comment-options';

export { COMMENT_ENTITIES, COMMENT_MAX, type CommentEntity } from './comment-options';

const body = longText(COMMENT_MAX, 'Comment').refine((v) => v.length > 0, 'Write a comment first');

export const commentSchema = z
  .object({
    entity: z.enum(COMMENT_ENTITIES, { error: 'Unknown kind of record' }),
    // The dashboard has no record id; every other target needs one.
    entityId: z.preprocess((v) => (v === '' || v === undefined ? null : v), uuid.nullable()),
    body,
  })
  .superRefine((v, ctx) => {
    if (v.entity === 'dashboard' && v.entityId !== null) {
      ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'The dashboard takes no record id' });
    }
    if (v.entity !== 'dashboard' && v.entityId === null) {
      ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'Choose the record to comment on' });
    }
  });
export type CommentInput = z.input<typeof commentSchema>;
export type NewCommentInput = z.output<typeof commentSchema>;

export const editCommentSchema = z.object({ id: uuid, body });
export type EditCommentInput = z.input<typeof editCommentSchema>;
export const commentTargetSchema = z.object({ id: uuid });

/** Just the body, for the client forms (the target is bound by the component). */
export const commentBodySchema = z.object({ body });
