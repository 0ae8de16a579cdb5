import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { coachNotes } from '@/db/schema';
import { fail, type ActionFailure } from '@/lib/result';
import { assertCan } from '@/lib/permissions';
import { executor, type WorkspaceCtx } from './context';


export const NOTE_GONE = 'This note no longer exists. Reload the page.';

export interface CoachNote {
  id: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

const columns = { id: coachNotes.id, body: coachNotes.body, createdAt: coachNotes.createdAt, updatedAt: coachNotes.updatedAt };

// Every query is bound to the author: nobody else, not even the workspace owner, reads these notes.
function mine(ctx: WorkspaceCtx) {
  return and(eq(coachNotes.workspaceId, ctx.workspaceId), eq(coachNotes.authorId, ctx.userId));
}

/** The caller's own private notes about this workspace, newest first. */
export async function listCoachNotes(ctx: WorkspaceCtx, { limit = 100 } = {}): Promise<CoachNote[]> {
  assertCan(ctx, 'notes.private');
  const db = await executor(ctx);
  return db.select(columns).from(coachNotes).where(mine(ctx)).orderBy(desc(coachNotes.createdAt), desc(coachNotes.id)).limit(limit);
}

export async function addCoachNote(ctx: WorkspaceCtx, input: { body: string }): Promise<{ id: string }> {
  assertCan(ctx, 'notes.private');
  const db = await executor(ctx);
  const [row] = await db
    .insert(coachNotes)
    .values({ workspaceId: ctx.workspaceId, authorId: ctx.userId, body: input.body })
    .returning({ id: coachNotes.id });
  return row;
}

export async function updateCoachNote(ctx: WorkspaceCtx, input: { id: string; body: string }): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'notes.private');
  const db = await executor(ctx);
  const [row] = await db
    .update(coachNotes)
    .set({ body: input.body, updatedAt: sql`now()` })
    .where(and(mine(ctx), eq(coachNotes.id, input.id)))
    .returning({ id: coachNotes.id });
  return row ?? fail(NOTE_GONE);
}

export async function deleteCoachNote(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'notes.private');
  const db = await executor(ctx);
  const [row] = await db.delete(coachNotes).where(and(mine(ctx), eq(coachNotes.id, id))).returning({ id: coachNotes.id });
  return row ?? fail(NOTE_GONE);
}
