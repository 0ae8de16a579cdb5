import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { comments, contacts, effortContacts, efforts, interactions, linkedinChecklists, memberships, opportunities, timeEntries, workspaces } from '@/db/schema';
import type { WorkspaceBackup } from '@/lib/import/backup';
import { assertCan, ForbiddenError } from '@/lib/permissions';
import { fail, inTransaction, type ActionFailure } from '@/lib/result';
import { executor, type WorkspaceCtx } from '../context';
import { inBatches, lockWorkspace, logActivity } from './common';

// Restoring a whole-workspace export, into an empty workspace or a new one.

export const NOT_EMPTY =
  'This workspace already has records. Import the export into a new workspace instead, or into an empty one you own.';

async function isEmptyWorkspace(db: Executor, workspaceId: string): Promise<boolean> {
  const [row] = await db.execute<{ any: boolean }>(sql`
    select (exists (select 1 from efforts where workspace_id = ${workspaceId})
         or exists (select 1 from contacts where workspace_id = ${workspaceId})
         or exists (select 1 from opportunities where workspace_id = ${workspaceId})
         or exists (select 1 from comments where workspace_id = ${workspaceId})) as any
  `).then((r) => (Array.isArray(r) ? r : (r as { rows: { any: boolean }[] }).rows));
  return !row?.any;
}

/**
 * Writes a backup's records into the (empty) workspace of ctx, with fresh ids for everything.
 * A backup record's fields are the table's columns; only ids, links and timestamps are rewritten.
 */
async function restoreInto(db: Executor, ctx: WorkspaceCtx, backup: WorkspaceBackup, authorName: string): Promise<void> {
  const ws = ctx.workspaceId;
  const effortIds = new Map(backup.efforts.map((e) => [e.id, randomUUID()]));
  const contactIds = new Map(backup.contacts.map((c) => [c.id, randomUUID()]));
  const opportunityIds = new Map(backup.opportunities.map((o) => [o.id, randomUUID()]));
  const ref = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);

  await db
    .update(workspaces)
    .set({
      name: backup.workspace.name,
      targetNiche: backup.workspace.targetNiche,
      hourlyValue: backup.workspace.hourlyValue,
      currency: backup.workspace.currency,
      ...(backup.workspace.defaultCadenceDays !== undefined ? { defaultCadenceDays: backup.workspace.defaultCadenceDays } : {}),
    })
    .where(eq(workspaces.id, ws));

  await inBatches(backup.efforts, (batch) =>
    db.insert(efforts).values(
      batch.map(({ id, timeEntries: entries, contactIds: _linked, createdAt, hours: _hours, ...fields }) => ({
        ...fields,
        id: effortIds.get(id)!,
        workspaceId: ws,
        createdBy: ctx.userId,
        // Hours are the sum of the time entries, which follow.
        hours: Math.round(entries.reduce((s, t) => s + t.hours, 0) * 100) / 100,
        createdAt: new Date(createdAt),
      })),
    ),
  );
  const entries = backup.efforts.flatMap((e) =>
    e.timeEntries.map((t) => ({ ...t, workspaceId: ws, effortId: effortIds.get(e.id)!, createdAt: new Date(t.createdAt) })),
  );
  await inBatches(entries, (batch) => db.insert(timeEntries).values(batch));

  await inBatches(backup.contacts, (batch) =>
    db.insert(contacts).values(
      batch.map(({ id, metThroughEffortId, createdAt, ...fields }) => ({
        ...fields,
        id: contactIds.get(id)!,
        workspaceId: ws,
        metThroughEffortId: ref(effortIds, metThroughEffortId),
        createdAt: new Date(createdAt),
      })),
    ),
  );
  const links = backup.efforts.flatMap((e) =>
    [...new Set(e.contactIds)].map((c) => ({ workspaceId: ws, effortId: effortIds.get(e.id)!, contactId: contactIds.get(c)! })),
  );
  await inBatches(links, (batch) => db.insert(effortContacts).values(batch));

  await inBatches(backup.interactions, (batch) =>
    db.insert(interactions).values(
      batch.map(({ id: _id, contactId, createdAt, ...fields }) => ({
        ...fields,
        workspaceId: ws,
        contactId: contactIds.get(contactId)!,
        createdAt: new Date(createdAt),
      })),
    ),
  );
  await inBatches(backup.opportunities, (batch) =>
    db.insert(opportunities).values(
      batch.map(({ id, contactId, effortId, createdAt, ...fields }) => ({
        ...fields,
        id: opportunityIds.get(id)!,
        workspaceId: ws,
        contactId: ref(contactIds, contactId),
        effortId: ref(effortIds, effortId),
        createdAt: new Date(createdAt),
      })),
    ),
  );
  if (backup.linkedinChecklist) {
    await db
      .insert(linkedinChecklists)
      .values({ workspaceId: ws, ...backup.linkedinChecklist })
      .onConflictDoUpdate({ target: linkedinChecklists.workspaceId, set: { ...backup.linkedinChecklist } });
  }
  const targets = { effort: effortIds, contact: contactIds, opportunity: opportunityIds } as const;
  await inBatches(backup.comments, (batch) =>
    db.insert(comments).values(
      batch.map((c) => ({
        workspaceId: ws,
        // Only the importer can be recognised; other authors are not members of the new workspace.
        authorId: c.authorName !== null && c.authorName === authorName ? ctx.userId : null,
        entity: c.entity,
        entityId: c.entity === 'dashboard' ? null : ref(targets[c.entity], c.entityId),
        body: c.body,
        createdAt: new Date(c.createdAt),
      })),
    ),
  );
}


/**
 * Restores a backup into the workspace of ctx, which must be empty and owned by the caller.
 * One transaction: a failure leaves the workspace as it was.
 */
export async function importBackupIntoWorkspace(
  ctx: WorkspaceCtx,
  backup: WorkspaceBackup,
  authorName: string,
): Promise<{ id: string } | ActionFailure> {
  if (ctx.role !== 'owner') throw new ForbiddenError('workspace.settings');
  assertCan(ctx, 'workspace.settings');
  return inTransaction(ctx, async (db) => {
    await lockWorkspace(db, ctx.workspaceId);
    if (!(await isEmptyWorkspace(db, ctx.workspaceId))) return fail(NOT_EMPTY);
    await restoreInto(db, ctx, backup, authorName);
    await logActivity(db, ctx, 'workspace.import', counts(backup));
    return { id: ctx.workspaceId };
  });
}

/** Creates a workspace owned by the user and restores the backup into it, in one transaction. */
export async function importBackupAsNewWorkspace(
  user: { id: string; name: string },
  backup: WorkspaceBackup,
): Promise<{ id: string }> {
  const db = await executor();
  return db.transaction(async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ name: backup.workspace.name }).returning({ id: workspaces.id });
    await tx.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: 'owner' });
    const ctx: WorkspaceCtx = { userId: user.id, workspaceId: ws.id, role: 'owner', tx };
    await restoreInto(tx, ctx, backup, user.name);
    await logActivity(tx, ctx, 'workspace.import', counts(backup));
    return { id: ws.id };
  });
}

function counts(backup: WorkspaceBackup) {
  return {
    efforts: backup.efforts.length,
    contacts: backup.contacts.length,
    interactions: backup.interactions.length,
    opportunities: backup.opportunities.length,
    comments: backup.comments.length,
  };
}
