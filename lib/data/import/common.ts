import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { activityLog, workspaces, type NewContact } from '@/db/schema';
import type { LinkedinSkip } from '@/lib/import/linkedin';
import { assertCan } from '@/lib/permissions';
import { inTransaction, isFailure } from '@/lib/result';
import { BLANK_CONTACT_FORM, contactSchema, type ContactFormInput, type ContactInput } from '@/lib/schemas/contact';
import { executor, type WorkspaceCtx } from '../context';

// What every import shares: its limits, the workspace lock, batched inserts and the activity row.

const INSERT_BATCH = 500;
export const PREVIEW_ROWS = 20;
/** Problems listed by row at most; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 200;

/** Holds the workspace row for the rest of the transaction, so two imports into it run one after the other. */
export async function lockWorkspace(db: Executor, workspaceId: string): Promise<void> {
  await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
}

/** Calls `each` with the values in slices small enough for one statement. */
export async function inBatches<T>(rows: readonly T[], each: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await each(rows.slice(i, i + INSERT_BATCH));
}

/** One activity-log row for an import, with its counts. */
export async function logActivity(db: Executor, ctx: WorkspaceCtx, action: string, details: Record<string, unknown>): Promise<void> {
  await db.insert(activityLog).values({ workspaceId: ctx.workspaceId, userId: ctx.userId, action, entity: action.split('.')[0], details });
}

/** `a, b, c` for an SQL `in (...)`, each value a parameter. */
export const inList = (values: readonly string[]) => sql.join([...new Set(values)].map((v) => sql`${v}`), sql`, `);

/** What an import would do, read with the caller's rights and without writing. */
export async function previewImport<T>(ctx: WorkspaceCtx, plan: (db: Executor) => Promise<T>): Promise<T> {
  assertCan(ctx, 'records.write');
  return plan(await executor(ctx));
}

/** Runs an import's writes in one transaction, with the workspace locked for its length. */
export async function runImport<T>(ctx: WorkspaceCtx, work: (db: Executor) => Promise<T>): Promise<T> {
  assertCan(ctx, 'records.write');
  const result = await inTransaction(ctx, async (db) => {
    await lockWorkspace(db, ctx.workspaceId);
    return work(db);
  });
  if (isFailure(result)) throw new Error(result.formError);
  return result;
}

/** A person from a file, checked by the contact form's rules; fields the file lacks are blank. */
export function parseImportedContact(fields: Partial<ContactFormInput> & { name: string }) {
  return contactSchema.safeParse({ ...BLANK_CONTACT_FORM, ...fields });
}

/** The contact row an imported person becomes; met on is their last touch so far. */
export function importedContactRow(ctx: WorkspaceCtx, v: ContactInput, cadenceDays: number | null = v.cadenceDays ?? null): NewContact {
  return {
    workspaceId: ctx.workspaceId,
    name: v.name,
    email: v.email,
    phone: v.phone,
    company: v.company,
    role: v.role,
    linkedinUrl: v.linkedinUrl,
    tags: v.tags,
    notes: v.notes,
    channel: v.channel,
    metOn: v.metOn,
    lastTouchOn: v.metOn,
    cadenceDays,
    nextFollowUpOn: v.nextFollowUpOn,
  };
}

/** Skipped rows in file order, the first ones listed and all of them counted. */
export function listSkips(skipped: LinkedinSkip[]): { skipped: LinkedinSkip[]; skippedCount: number } {
  const sorted = [...skipped].sort((a, b) => a.line - b.line);
  return { skipped: sorted.slice(0, MAX_LISTED_PROBLEMS), skippedCount: sorted.length };
}
