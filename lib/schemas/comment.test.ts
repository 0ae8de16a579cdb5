import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, commentSchema, editCommentSchema } from './comment';

const id = '6f1d1a9e-1e7e-4d8c-9b1e-3c1f1a2b3c4d';
const errorsOf = (input: unknown) => {
  const r = commentSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('comment schema', () => {
  it('takes 1–2000 characters of text', () => {
    expect(errorsOf({ entity: 'dashboard', entityId: null, body: '  ' }).body).toBe('Write a comment first');
    expect(errorsOf({ entity: 'dashboard', entityId: null, body: 'x'.repeat(COMMENT_MAX + 1) }).body).toMatch(/at most 2000/);
    expect(commentSchema.parse({ entity: 'dashboard', entityId: null, body: 'x'.repeat(COMMENT_MAX) }).body).toHaveLength(2000);
    expect(errorsOf({ entity: 'dashboard', entityId: null, body: 'bad\u0000byte' }).body).toBeDefined();
  });

  it('ties the dashboard to no record and every other kind to one', () => {
    expect(commentSchema.parse({ entity: 'dashboard', entityId: '', body: 'ok' }).entityId).toBeNull();
    expect(errorsOf({ entity: 'dashboard', entityId: id, body: 'ok' }).entityId).toBe('The dashboard takes no record id');
    expect(errorsOf({ entity: 'effort', entityId: null, body: 'ok' }).entityId).toBe('Choose the record to comment on');
    expect(errorsOf({ entity: 'effort', entityId: 'not-an-id', body: 'ok' }).entityId).toBe('Not a valid id');
    expect(errorsOf({ entity: 'workspace', entityId: null, body: 'ok' }).entity).toBe('Unknown kind of record');
    expect(commentSchema.parse({ entity: 'contact', entityId: id, body: 'ok' })).toEqual({ entity: 'contact', entityId: id, body: 'ok' });
  });

  it('edits need a comment id and a body', () => {
    expect(editCommentSchema.safeParse({ id, body: '' }).success).toBe(false);
    expect(editCommentSchema.safeParse({ id: 'x', body: 'ok' }).success).toBe(false);
  });
});
