import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { contacts, interactions } from '@/db/schema';
import { assertCan } from '@/lib/permissions';
import { fail, type ActionFailure } from '@/lib/result';
import type { Direction, InteractionInput, InteractionKind, UpdateInteractionInput } from '@/lib/schemas/interaction';
import { CONTACT_GONE, refreshLastTouch } from './contacts';
import { executor, inWorkspace, type WorkspaceCtx } from './context';

const INTERACTION_GONE = 'This interaction no longer exists. It may have been deleted.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InteractionItem {
  id: string;
  contactId: string;
  date: string;
  kind: InteractionKind;
  direction: Direction;
  notes: string;
}

const columns = {
  id: interactions.id,
  contactId: interactions.contactId,
  date: interactions.date,
  kind: interactions.kind,
  direction: interactions.direction,
  notes: interactions.notes,
};

/** A contact's interactions, newest first. */
export async function listInteractions(
  ctx: WorkspaceCtx,
  contactId: string,
  { limit = 100 }: { limit?: number } = {},
): Promise<InteractionItem[]> {
  assertCan(ctx, 'workspace.read');
  if (!UUID.test(contactId)) return [];
  const db = await executor(ctx);
  return db
    .select(columns)
    .from(interactions)
    .where(and(eq(interactions.contactId, contactId), eq(interactions.workspaceId, ctx.workspaceId)))
    .orderBy(desc(interactions.date), desc(interactions.createdAt), desc(interactions.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}

/** Logs an interaction with a contact of the workspace and moves the contact's last touch. */
export async function createInteraction(
  ctx: WorkspaceCtx,
  input: InteractionInput,
): Promise<{ id: string; contactId: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  // Nested in the caller's transaction (as a savepoint) when there is one.
  return db.transaction(async (tx) => {
    // Locking the contact orders concurrent writers, so last_touch_on is computed from committed rows.
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(inWorkspace(contacts, input.contactId, ctx.workspaceId))
      .for('update');
    if (!contact) return fail(CONTACT_GONE);
    const [row] = await tx
      .insert(interactions)
      .values({
        workspaceId: ctx.workspaceId,
        contactId: contact.id,
        date: input.date,
        kind: input.kind,
        direction: input.direction,
        notes: input.notes,
      })
      .returning({ id: interactions.id, contactId: interactions.contactId });
    await refreshLastTouch(tx, ctx.workspaceId, contact.id);
    return row;
  });
}

/** Changes an interaction (not the contact it belongs to) and recomputes the contact's last touch. */
export async function updateInteraction(
  ctx: WorkspaceCtx,
  input: UpdateInteractionInput,
): Promise<{ id: string; contactId: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(interactions)
      .set({ date: input.date, kind: input.kind, direction: input.direction, notes: input.notes })
      .where(inWorkspace(interactions, input.id, ctx.workspaceId))
      .returning({ id: interactions.id, contactId: interactions.contactId });
    if (!row) return fail(INTERACTION_GONE);
    await refreshLastTouch(tx, ctx.workspaceId, row.contactId);
    return row;
  });
}

/** Deletes an interaction and recomputes the contact's last touch. */
export async function deleteInteraction(ctx: WorkspaceCtx, id: string): Promise<{ id: string; contactId: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!UUID.test(id)) return fail(INTERACTION_GONE);
  const db = await executor(ctx);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(interactions)
      .where(inWorkspace(interactions, id, ctx.workspaceId))
      .returning({ id: interactions.id, contactId: interactions.contactId });
    if (!row) return fail(INTERACTION_GONE);
    await refreshLastTouch(tx, ctx.workspaceId, row.contactId);
    return row;
  });
}
