import 'server-only';
import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts, effortContacts, efforts, opportunities, timeEntries, type Stage } from '@/db/schema';
import type { ChannelKey } from '@/lib/payoff/channels';
import { fail, inTransaction, type ActionFailure } from '@/lib/result';
import { assertCan } from '@/lib/permissions';
import {
  CHANNEL_FIELDS,
  LIMITS,
  parseCursor,
  type EffortInput,
  type TimeEntryInput,
} from '@/lib/schemas/effort';
import { executor, inWorkspace, textIn, type WorkspaceCtx } from './context';

export const STALE_MESSAGE =
  'This record was changed elsewhere. Reload the page to see the latest version, then make your change again.';
const EFFORT_GONE = 'This effort no longer exists. It may have been deleted.';
const ENTRY_GONE = 'This time entry no longer exists. Reload the page.';
const CONTACT_REFUSED = 'One of the chosen contacts is not in this workspace. Reload the page and choose again.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

// ---------------------------------------------------------------------------------------------
// Shapes returned to pages
// ---------------------------------------------------------------------------------------------

export interface EffortRow {
  id: string;
  channel: ChannelKey;
  otherLabel: string | null;
  title: string;
  date: string;
  hours: number;
  moneySpent: number;
  drinks: number | null;
  pitches: number | null;
  advances: number | null;
  jobSeekerAsks: number | null;
  usefulContacts: number | null;
  similarity: 'unrelated' | 'adjacent' | 'close' | 'core' | null;
  thankYouSent: boolean | null;
}

export type FieldValue = string | number | boolean | null;

export interface EffortDetail extends EffortRow {
  notes: string;
  version: number;
  /** The channel's own fields, keyed as in CHANNEL_FIELDS. */
  fields: Record<string, FieldValue>;
  contacts: { id: string; name: string; company: string }[];
  opportunities: { id: string; title: string; stage: Stage }[];
  timeEntries: { id: string; date: string; hours: number; note: string }[];
}

const rowColumns = {
  id: efforts.id,
  channel: efforts.channel,
  otherLabel: efforts.otherLabel,
  title: efforts.title,
  date: efforts.date,
  hours: efforts.hours,
  moneySpent: efforts.moneySpent,
  drinks: efforts.drinks,
  pitches: efforts.pitches,
  advances: efforts.advances,
  jobSeekerAsks: efforts.jobSeekerAsks,
  usefulContacts: efforts.usefulContacts,
  similarity: efforts.similarity,
  thankYouSent: efforts.thankYouSent,
};

const EFFORT_COLUMNS = getTableColumns(efforts);

/**
 * Channel fields with a column of their own name on efforts (the dashboard aggregates or flags
 * them); every other channel field is kept in `details`. Adding a column of a field's name moves it.
 */
export const TYPED_FIELDS: readonly string[] = [...new Set(Object.values(CHANNEL_FIELDS).flatMap((specs) => specs.map((s) => s.name)))].filter(
  (name) => name in EFFORT_COLUMNS,
);

/** The columns to write for an effort: its channel's fields, other channels' typed columns cleared. */
export function effortColumns(input: EffortInput) {
  const typed = Object.fromEntries(TYPED_FIELDS.map((k) => [k, null])) as Record<string, FieldValue>;
  const details: Record<string, FieldValue> = {};
  const source = input as unknown as Record<string, FieldValue>;
  for (const spec of CHANNEL_FIELDS[input.channel]) {
    const value = source[spec.name] ?? null;
    if (TYPED_FIELDS.includes(spec.name)) typed[spec.name] = value;
    else details[spec.name] = value;
  }
  return {
    channel: input.channel,
    title: input.title,
    date: input.date,
    moneySpent: input.moneySpent ?? 0,
    notes: input.notes,
    ...(typed as Record<string, never>),
    details,
  };
}

/** An effort's typed channel columns, by field name, for whoever copies a whole row (the backup). */
export function typedFieldsOf(row: Record<string, unknown>): Record<string, FieldValue> {
  return Object.fromEntries(TYPED_FIELDS.map((k) => [k, (row[k] ?? null) as FieldValue]));
}

/** A keyset cursor for a row: "YYYY-MM-DD_<id>". */
export function cursorOf(row: { date: string; id: string }): string {
  return `${row.date}_${row.id}`;
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/** What the efforts list is filtered by; its export filters the same way. */
export interface EffortFilters {
  channel?: ChannelKey;
  from?: string;
  to?: string;
  q?: string;
}

/** The list's conditions: a channel, a date range, text in the title or notes. */
export function effortFilters(workspaceId: string, options: EffortFilters): SQL[] {
  const filters: SQL[] = [eq(efforts.workspaceId, workspaceId)];
  if (options.channel) filters.push(eq(efforts.channel, options.channel));
  if (options.from) filters.push(gte(efforts.date, options.from));
  if (options.to) filters.push(lte(efforts.date, options.to));
  const text = textIn(options.q, [efforts.title, efforts.notes]);
  if (text) filters.push(text);
  return filters;
}

export interface ListEffortsOptions extends EffortFilters {
  /** Cursor of the last row seen: returns older rows. */
  before?: string;
  /** Cursor of the first row seen: returns newer rows (the previous page). */
  after?: string;
  limit: number;
}

export interface EffortPage {
  items: EffortRow[];
  /** Cursor for the next (older) page, or null on the last page. */
  olderCursor: string | null;
  /** Cursor for the previous (newer) page, or null on the first page. */
  newerCursor: string | null;
}

/** The workspace's efforts, newest first, filtered and paged by a (date, id) keyset. */
export async function listEfforts(ctx: WorkspaceCtx, options: ListEffortsOptions): Promise<EffortPage> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const limit = Math.min(Math.max(Math.trunc(options.limit) || 1, 1), 100);
  const filters = effortFilters(ctx.workspaceId, options);
  const before = parseCursor(options.before);
  const after = before ? null : parseCursor(options.after);
  const olderThan = (c: { date: string; id: string }) => sql`(${efforts.date}, ${efforts.id}) < (${c.date}::date, ${c.id}::uuid)`;
  const newerThan = (c: { date: string; id: string }) => sql`(${efforts.date}, ${efforts.id}) > (${c.date}::date, ${c.id}::uuid)`;

  const exists = async (condition: SQL) => {
    const [row] = await db
      .select({ id: efforts.id })
      .from(efforts)
      .where(and(...filters, condition))
      .limit(1);
    return Boolean(row);
  };

  if (after) {
    const rows = await db
      .select(rowColumns)
      .from(efforts)
      .where(and(...filters, newerThan(after)))
      .orderBy(asc(efforts.date), asc(efforts.id))
      .limit(limit + 1);
    const hasNewer = rows.length > limit;
    const items = rows.slice(0, limit).reverse();
    const boundary = items.at(-1) ?? after;
    return {
      items,
      newerCursor: hasNewer && items[0] ? cursorOf(items[0]) : null,
      olderCursor: (await exists(olderThan(boundary))) ? cursorOf(boundary) : null,
    };
  }

  const rows = await db
    .select(rowColumns)
    .from(efforts)
    .where(and(...filters, ...(before ? [olderThan(before)] : [])))
    .orderBy(desc(efforts.date), desc(efforts.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const olderCursor = rows.length > limit ? cursorOf(items[items.length - 1]) : null;
  let newerCursor: string | null = null;
  if (before) {
    const first = items[0];
    const boundary = first ?? before;
    if (await exists(newerThan(boundary))) newerCursor = cursorOf(boundary);
  }
  return { items, olderCursor, newerCursor };
}

/** One effort with its channel fields, contacts, opportunities and time entries; null when not in this workspace. */
export async function getEffort(ctx: WorkspaceCtx, id: string): Promise<EffortDetail | null> {
  assertCan(ctx, 'workspace.read');
  if (!isId(id)) return null;
  const db = await executor(ctx);
  const [row] = await db
    .select()
    .from(efforts)
    .where(inWorkspace(efforts, id, ctx.workspaceId))
    .limit(1);
  if (!row) return null;

  const [linked, opps, entries] = await Promise.all([
    db
      .select({ id: contacts.id, name: contacts.name, company: contacts.company })
      .from(effortContacts)
      .innerJoin(contacts, and(eq(contacts.id, effortContacts.contactId), eq(contacts.workspaceId, ctx.workspaceId)))
      .where(and(eq(effortContacts.effortId, id), eq(effortContacts.workspaceId, ctx.workspaceId)))
      .orderBy(asc(contacts.name), asc(contacts.id)),
    db
      .select({ id: opportunities.id, title: opportunities.title, stage: opportunities.stage })
      .from(opportunities)
      .where(and(eq(opportunities.effortId, id), eq(opportunities.workspaceId, ctx.workspaceId)))
      .orderBy(desc(opportunities.openedOn), asc(opportunities.id)),
    db
      .select({ id: timeEntries.id, date: timeEntries.date, hours: timeEntries.hours, note: timeEntries.note })
      .from(timeEntries)
      .where(and(eq(timeEntries.effortId, id), eq(timeEntries.workspaceId, ctx.workspaceId)))
      .orderBy(desc(timeEntries.date), desc(timeEntries.createdAt), asc(timeEntries.id)),
  ]);

  const all: Record<string, FieldValue> = { ...(row.details ?? {}), ...typedFieldsOf(row) };
  const fields = Object.fromEntries(CHANNEL_FIELDS[row.channel].map((s) => [s.name, all[s.name] ?? null]));
  const listed = Object.fromEntries(Object.keys(rowColumns).map((k) => [k, row[k as keyof typeof row]])) as unknown as EffortRow;
  return { ...listed, notes: row.notes, version: row.version, fields, contacts: linked, opportunities: opps, timeEntries: entries };
}

/**
 * Contacts the effort form offers: the most recent ones, plus any already linked (by `include`)
 * so an edit never silently drops an older contact.
 */
export async function listContactOptions(
  ctx: WorkspaceCtx,
  { limit = LIMITS.contacts, include = [] }: { limit?: number; include?: string[] } = {},
): Promise<{ id: string; name: string; company: string }[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const columns = { id: contacts.id, name: contacts.name, company: contacts.company };
  const recent = await db
    .select(columns)
    .from(contacts)
    .where(eq(contacts.workspaceId, ctx.workspaceId))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  const missing = include.filter(isId).filter((id) => !recent.some((c) => c.id === id));
  const extra = missing.length
    ? await db
        .select(columns)
        .from(contacts)
        .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, missing)))
    : [];
  return [...recent, ...extra].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/** Refuses unless every contact id belongs to this workspace. */
async function checkContacts(db: Executor, ctx: WorkspaceCtx, ids: string[]): Promise<ActionFailure | null> {
  if (ids.length === 0) return null;
  if (!ids.every(isId)) return fail(undefined, { contactIds: [CONTACT_REFUSED] });
  const found = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, ids)));
  return found.length === new Set(ids).size ? null : fail(undefined, { contactIds: [CONTACT_REFUSED] });
}

async function linkContacts(db: Executor, ctx: WorkspaceCtx, effortId: string, ids: string[]) {
  await db
    .delete(effortContacts)
    .where(and(eq(effortContacts.effortId, effortId), eq(effortContacts.workspaceId, ctx.workspaceId)));
  const unique = [...new Set(ids)];
  if (unique.length) {
    await db.insert(effortContacts).values(unique.map((contactId) => ({ workspaceId: ctx.workspaceId, effortId, contactId })));
  }
}

/** Sets the effort's hours to the sum of its entries and bumps its version; refuses past the effort limit. */
async function syncHours(db: Executor, ctx: WorkspaceCtx, effortId: string): Promise<ActionFailure | null> {
  const [row] = await db
    .update(efforts)
    .set({
      hours: sql`coalesce((select sum(${timeEntries.hours}) from ${timeEntries} where ${timeEntries.effortId} = ${effortId} and ${timeEntries.workspaceId} = ${ctx.workspaceId}), 0)`,
      version: sql`${efforts.version} + 1`,
    })
    .where(inWorkspace(efforts, effortId, ctx.workspaceId))
    .returning({ hours: efforts.hours });
  if (!row) return fail(EFFORT_GONE);
  if (row.hours > LIMITS.effortHours) {
    return fail(undefined, { hours: [`An effort can hold at most ${LIMITS.effortHours.toLocaleString('en-US')} hours in all`] });
  }
  return null;
}

/** Creates an effort, its first time entry (when it has hours) and its contact links. */
export async function createEffort(ctx: WorkspaceCtx, input: EffortInput): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  return inTransaction(ctx, async (db) => {
    const refused = await checkContacts(db, ctx, input.contactIds);
    if (refused) return refused;
    const hours = input.hours ?? 0;
    const [effort] = await db
      .insert(efforts)
      .values({ workspaceId: ctx.workspaceId, createdBy: ctx.userId, ...effortColumns(input), hours })
      .returning({ id: efforts.id });
    if (hours > 0) {
      await db.insert(timeEntries).values({ workspaceId: ctx.workspaceId, effortId: effort.id, date: input.date, hours });
    }
    await linkContacts(db, ctx, effort.id, input.contactIds);
    return { id: effort.id };
  });
}

/**
 * Updates an effort if it still has the version the form loaded. The hours field edits the only
 * time entry (or creates the first); with several entries it is ignored, as hours are their sum.
 */
export async function updateEffort(
  ctx: WorkspaceCtx,
  id: string,
  input: EffortInput & { version: number },
): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!isId(id)) return fail(EFFORT_GONE);
  return inTransaction(ctx, async (db) => {
    const refused = await checkContacts(db, ctx, input.contactIds);
    if (refused) return refused;
    const [current] = await db
      .select({ date: efforts.date })
      .from(efforts)
      .where(inWorkspace(efforts, id, ctx.workspaceId))
      .limit(1);
    if (!current) return fail(EFFORT_GONE);
    const [updated] = await db
      .update(efforts)
      .set({ ...effortColumns(input), version: sql`${efforts.version} + 1` })
      .where(and(eq(efforts.id, id), eq(efforts.workspaceId, ctx.workspaceId), eq(efforts.version, input.version)))
      .returning({ id: efforts.id });
    if (!updated) return fail(STALE_MESSAGE);

    const entries = await db
      .select({ id: timeEntries.id, date: timeEntries.date })
      .from(timeEntries)
      .where(and(eq(timeEntries.effortId, id), eq(timeEntries.workspaceId, ctx.workspaceId)));
    const hours = input.hours ?? 0;
    if (entries.length === 0 && hours > 0) {
      await db.insert(timeEntries).values({ workspaceId: ctx.workspaceId, effortId: id, date: input.date, hours });
    } else if (entries.length === 1) {
      const [only] = entries;
      if (hours > 0) {
        // The one entry follows the effort's date unless it was moved on its own.
        const date = only.date === current.date ? input.date : only.date;
        await db
          .update(timeEntries)
          .set({ hours, date })
          .where(inWorkspace(timeEntries, only.id, ctx.workspaceId));
      } else {
        await db.delete(timeEntries).where(inWorkspace(timeEntries, only.id, ctx.workspaceId));
      }
    }
    await db
      .update(efforts)
      .set({
        hours: sql`coalesce((select sum(${timeEntries.hours}) from ${timeEntries} where ${timeEntries.effortId} = ${id} and ${timeEntries.workspaceId} = ${ctx.workspaceId}), 0)`,
      })
      .where(inWorkspace(efforts, id, ctx.workspaceId));
    await linkContacts(db, ctx, id, input.contactIds);
    return { id };
  });
}

/**
 * Deletes an effort with its time entries and contact links; contacts stay (their "met through"
 * is cleared) and opportunities become unassigned, by the foreign keys.
 */
export async function deleteEffort(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!isId(id)) return fail(EFFORT_GONE);
  const db = await executor(ctx);
  const [row] = await db
    .delete(efforts)
    .where(inWorkspace(efforts, id, ctx.workspaceId))
    .returning({ id: efforts.id });
  return row ?? fail(EFFORT_GONE);
}

/** Adds a time entry to an effort of this workspace and updates the effort's hours. */
export async function addTimeEntry(
  ctx: WorkspaceCtx,
  effortId: string,
  input: TimeEntryInput,
): Promise<{ id: string; effortId: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!isId(effortId)) return fail(EFFORT_GONE);
  return inTransaction(ctx, async (db) => {
    const [effort] = await db
      .select({ id: efforts.id })
      .from(efforts)
      .where(inWorkspace(efforts, effortId, ctx.workspaceId))
      .limit(1);
    if (!effort) return fail(EFFORT_GONE);
    const [entry] = await db
      .insert(timeEntries)
      .values({ workspaceId: ctx.workspaceId, effortId, date: input.date, hours: input.hours, note: input.note })
      .returning({ id: timeEntries.id });
    const refused = await syncHours(db, ctx, effortId);
    return refused ?? { id: entry.id, effortId };
  });
}

/** Changes a time entry of this workspace and updates its effort's hours. */
export async function updateTimeEntry(
  ctx: WorkspaceCtx,
  id: string,
  input: TimeEntryInput,
): Promise<{ id: string; effortId: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!isId(id)) return fail(ENTRY_GONE);
  return inTransaction(ctx, async (db) => {
    const [entry] = await db
      .update(timeEntries)
      .set({ date: input.date, hours: input.hours, note: input.note })
      .where(inWorkspace(timeEntries, id, ctx.workspaceId))
      .returning({ id: timeEntries.id, effortId: timeEntries.effortId });
    if (!entry) return fail(ENTRY_GONE);
    const refused = await syncHours(db, ctx, entry.effortId);
    return refused ?? entry;
  });
}

/** Deletes a time entry of this workspace and updates its effort's hours. */
export async function deleteTimeEntry(ctx: WorkspaceCtx, id: string): Promise<{ id: string; effortId: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!isId(id)) return fail(ENTRY_GONE);
  return inTransaction(ctx, async (db) => {
    const [entry] = await db
      .delete(timeEntries)
      .where(inWorkspace(timeEntries, id, ctx.workspaceId))
      .returning({ id: timeEntries.id, effortId: timeEntries.effortId });
    if (!entry) return fail(ENTRY_GONE);
    const refused = await syncHours(db, ctx, entry.effortId);
    return refused ?? entry;
  });
}
