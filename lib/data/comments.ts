import 'server-only';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { comments, contacts, efforts, opportunities, users } from '@/db/schema';
import { fail, type ActionFailure } from '@/lib/result';
import { assertCan, can } from '@/lib/permissions';
import type { CommentEntity, NewCommentInput } from '@/lib/schemas/comment';
import { executor, inWorkspace, type WorkspaceCtx } from './context';


export const COMMENT_GONE = 'This comment no longer exists, or it is not yours to change. Reload the page.';
export const TARGET_REFUSED = 'Choose a record from this workspace';
export const COMMENTS_PAGE_SIZE = 50;

export interface CommentItem {
  id: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  /** Changed after it was first posted. */
  edited: boolean;
}

export interface CommentTarget {
  entity: CommentEntity;
  /** Null for the dashboard. */
  entityId: string | null;
}

function targetWhere(ctx: WorkspaceCtx, target: CommentTarget) {
  return and(
    eq(comments.workspaceId, ctx.workspaceId),
    eq(comments.entity, target.entity),
    target.entityId === null ? isNull(comments.entityId) : eq(comments.entityId, target.entityId),
  );
}

/**
 * The newest comments on a record (or the dashboard), returned oldest first for reading.
 * `before` is the creation time and id of the oldest comment already shown.
 */
export async function listComments(
  ctx: WorkspaceCtx,
  target: CommentTarget,
  { limit = COMMENTS_PAGE_SIZE, before }: { limit?: number; before?: { createdAt: Date; id: string } } = {},
): Promise<{ items: CommentItem[]; hasMore: boolean }> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const rows = await db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      createdAt: comments.createdAt,
      updatedAt: comments.updatedAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        targetWhere(ctx, target),
        before
          ? or(lt(comments.createdAt, before.createdAt), and(eq(comments.createdAt, before.createdAt), lt(comments.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const items = rows
    .slice(0, limit)
    .reverse()
    .map((r) => ({ ...r, edited: r.updatedAt.getTime() - r.createdAt.getTime() > 1000 }));
  return { items, hasMore };
}

const TARGET_TABLES = { effort: efforts, contact: contacts, opportunity: opportunities } as const;

/** Whether the commented record exists in this workspace (checked in SQL, never trusted from the client). */
async function targetExists(ctx: WorkspaceCtx, target: CommentTarget): Promise<boolean> {
  if (target.entity === 'dashboard') return target.entityId === null;
  if (!target.entityId) return false;
  const table = TARGET_TABLES[target.entity];
  const db = await executor(ctx);
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(inWorkspace(table, target.entityId, ctx.workspaceId))
    .limit(1);
  return Boolean(row);
}

/** Adds a comment by the caller to a record of this workspace or to its dashboard. */
export async function addComment(ctx: WorkspaceCtx, input: NewCommentInput): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'comments.write');
  if (!(await targetExists(ctx, input))) return fail(undefined, { entityId: [TARGET_REFUSED] });
  const db = await executor(ctx);
  const [row] = await db
    .insert(comments)
    .values({ workspaceId: ctx.workspaceId, authorId: ctx.userId, entity: input.entity, entityId: input.entityId, body: input.body })
    .returning({ id: comments.id });
  return row;
}

/** Changes the text of one of the caller's own comments. */
export async function updateComment(ctx: WorkspaceCtx, input: { id: string; body: string }): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'comments.write');
  const db = await executor(ctx);
  const [row] = await db
    .update(comments)
    .set({ body: input.body, updatedAt: sql`now()` })
    .where(and(eq(comments.id, input.id), eq(comments.workspaceId, ctx.workspaceId), eq(comments.authorId, ctx.userId)))
    .returning({ id: comments.id });
  return row ?? fail(COMMENT_GONE);
}

/** Deletes one of the caller's comments; a moderator (the owner) may delete anyone's. */
export async function deleteComment(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'comments.write');
  const db = await executor(ctx);
  const mine = can(ctx.role, 'comments.moderate') ? undefined : eq(comments.authorId, ctx.userId);
  const [row] = await db
    .delete(comments)
    .where(and(eq(comments.id, id), eq(comments.workspaceId, ctx.workspaceId), mine))
    .returning({ id: comments.id });
  return row ?? fail(COMMENT_GONE);
}

