import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts, effortContacts, efforts, opportunities, type Channel, type Stage } from '@/db/schema';
import { today as todayIso } from '@/lib/dates';
import { assertCan } from '@/lib/permissions';
import { fail, type ActionFailure } from '@/lib/result';
import type { ContactInput, UpdateContactInput } from '@/lib/schemas/contact';
import { executor, inWorkspace, textIn, type WorkspaceCtx } from './context';


export const STALE_MESSAGE =
  'This record was changed elsewhere. Reload the page to see the latest version, then make your change again.';
export const CONTACT_GONE = 'This contact no longer exists. It may have been deleted.';
const EFFORT_REFUSED = 'Choose an effort from this workspace';

export const CONTACTS_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

// The keep-in-touch date, by the one rule (SQL contact_due_on, lib/rules.ts contactDueOn), which
// contacts_workspace_cold_idx indexes.
// Written with qualified names: drizzle renders columns unqualified inside a select list.
const dueOn = sql`contact_due_on("contacts"."last_touch_on", "contacts"."met_on", "contacts"."created_at", "contacts"."cadence_days")`;

/** Days past the keep-in-touch date (negative while still in time); null without a cadence. */
function overdueDaysSql(today: string) {
  return sql<number | null>`case when "contacts"."cadence_days" is null then null else (${today}::date - ${dueOn}) end`.mapWith(
    (v) => (v === null ? null : Number(v)),
  );
}

/** The one going-cold rule: a cadence, and its date (from the last touch or the day added) has passed. */
export function goingColdSql(today: string): SQL {
  return sql`("contacts"."cadence_days" is not null and ${dueOn} < ${today}::date)`;
}

/**
 * "Remembers you", as the dashboard counts it: kept on the contact by the database (SQL
 * contact_remembers: an inbound interaction on or after meeting, or an opportunity they brought).
 */
const remembersYouSql = sql<boolean>`"contacts"."remembered"`.mapWith(Boolean);

export interface ContactListItem {
  id: string;
  name: string;
  company: string;
  role: string;
  channel: Channel | null;
  tags: string[];
  lastTouchOn: string | null;
  cadenceDays: number | null;
  nextFollowUpOn: string | null;
  remembersYou: boolean;
  /** Days past the keep-in-touch date; > 0 means going cold. */
  overdueDays: number | null;
}

export interface ContactListOptions extends ContactFilters {
  /** Opaque cursors from a previous page. */
  after?: string;
  before?: string;
  limit?: number;
  today?: string;
}

export interface ContactPage {
  items: ContactListItem[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/** A page cursor on (name, id); survives the contact it names being deleted. */
export function encodeCursor(item: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([item.name, item.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor || cursor.length > 400) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [name, id] = value;
    if (typeof name !== 'string' || name.length > 300 || !isUuid(id)) return null;
    return { name, id };
  } catch {
    return null;
  }
}

function listColumns(today: string) {
  return {
    id: contacts.id,
    name: contacts.name,
    company: contacts.company,
    role: contacts.role,
    channel: contacts.channel,
    tags: contacts.tags,
    lastTouchOn: contacts.lastTouchOn,
    cadenceDays: contacts.cadenceDays,
    nextFollowUpOn: contacts.nextFollowUpOn,
    remembersYou: remembersYouSql,
    overdueDays: overdueDaysSql(today),
  };
}

/** What the contacts list is filtered by; its export filters the same way. */
export interface ContactFilters {
  q?: string;
  tag?: string;
  goingCold?: boolean;
}

/** The list's conditions: text in name, e-mail, company, role or notes; a tag; going cold as of `today`. */
export function contactFilters(workspaceId: string, opts: ContactFilters, today: string): SQL[] {
  const filters: SQL[] = [eq(contacts.workspaceId, workspaceId)];
  const text = textIn(opts.q, [contacts.name, contacts.email, contacts.company, contacts.role, contacts.notes]);
  if (text) filters.push(text);
  const tag = opts.tag?.trim();
  if (tag) filters.push(sql`exists (select 1 from unnest(${contacts.tags}) as ct(tag) where lower(ct.tag) = lower(${tag}))`);
  if (opts.goingCold) filters.push(goingColdSql(today));
  return filters;
}

/** Contacts in name order, filtered by text, tag and "going cold", a keyset page at a time. */
export async function listContacts(ctx: WorkspaceCtx, opts: ContactListOptions = {}): Promise<ContactPage> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const today = opts.today ?? todayIso();
  const limit = Math.min(Math.max(opts.limit ?? CONTACTS_PAGE_SIZE, 1), 100);
  const filters = contactFilters(ctx.workspaceId, opts, today);

  const after = decodeCursor(opts.after);
  const before = after ? null : decodeCursor(opts.before);
  if (after) filters.push(sql`(${contacts.name}, ${contacts.id}) > (${after.name}, ${after.id}::uuid)`);
  if (before) filters.push(sql`(${contacts.name}, ${contacts.id}) < (${before.name}, ${before.id}::uuid)`);

  const rows = await db
    .select(listColumns(today))
    .from(contacts)
    .where(and(...filters))
    .orderBy(...(before ? [desc(contacts.name), desc(contacts.id)] : [asc(contacts.name), asc(contacts.id)]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (before) items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  if (before) {
    return { items, prevCursor: more && first ? encodeCursor(first) : null, nextCursor: last ? encodeCursor(last) : null };
  }
  return { items, nextCursor: more && last ? encodeCursor(last) : null, prevCursor: after && first ? encodeCursor(first) : null };
}

/** The workspace's tags, most used first, for the list's tag filter. */
export async function listContactTags(ctx: WorkspaceCtx, { limit = 50 } = {}): Promise<string[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const rows = await db.execute<{ tag: string }>(sql`
    select min(ct.tag) as tag
    from ${contacts}, unnest(${contacts.tags}) as ct(tag)
    where ${contacts.workspaceId} = ${ctx.workspaceId}
    group by lower(ct.tag)
    order by count(*) desc, lower(ct.tag)
    limit ${Math.min(Math.max(limit, 1), 200)}
  `);
  return rowsOf<{ tag: string }>(rows).map((r) => r.tag);
}

function rowsOf<T>(result: unknown): T[] {
  // node-postgres and PGlite return { rows }, some drivers an array.
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

export interface ContactDetail extends ContactListItem {
  email: string;
  phone: string;
  linkedinUrl: string;
  notes: string;
  metOn: string | null;
  metThroughEffort: { id: string; title: string; date: string; channel: Channel } | null;
  version: number;
}

/** One contact of the workspace, or null (also for another workspace's id). */
export async function getContact(ctx: WorkspaceCtx, id: string, { today }: { today?: string } = {}): Promise<ContactDetail | null> {
  assertCan(ctx, 'workspace.read');
  if (!isUuid(id)) return null;
  const db = await executor(ctx);
  const [row] = await db
    .select({
      ...listColumns(today ?? todayIso()),
      email: contacts.email,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      notes: contacts.notes,
      metOn: contacts.metOn,
      version: contacts.version,
      effortId: efforts.id,
      effortTitle: efforts.title,
      effortDate: efforts.date,
      effortChannel: efforts.channel,
    })
    .from(contacts)
    .leftJoin(efforts, and(eq(efforts.id, contacts.metThroughEffortId), eq(efforts.workspaceId, contacts.workspaceId)))
    .where(inWorkspace(contacts, id, ctx.workspaceId))
    .limit(1);
  if (!row) return null;
  const { effortId, effortTitle, effortDate, effortChannel, ...contact } = row;
  return {
    ...contact,
    metThroughEffort:
      effortId && effortTitle !== null && effortDate !== null && effortChannel !== null
        ? { id: effortId, title: effortTitle, date: effortDate, channel: effortChannel }
        : null,
  };
}

export interface EffortChoice {
  id: string;
  title: string;
  date: string;
  channel: Channel;
}

/** The workspace's most recent efforts, for the "where you met" picker; `include` keeps a current choice listed. */
export async function listMeetingEffortChoices(
  ctx: WorkspaceCtx,
  { limit = 200, include }: { limit?: number; include?: string | null } = {},
): Promise<EffortChoice[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const columns = { id: efforts.id, title: efforts.title, date: efforts.date, channel: efforts.channel };
  const rows = await db
    .select(columns)
    .from(efforts)
    .where(eq(efforts.workspaceId, ctx.workspaceId))
    .orderBy(desc(efforts.date), desc(efforts.id))
    .limit(Math.min(Math.max(limit, 1), 500));
  if (include && isUuid(include) && !rows.some((r) => r.id === include)) {
    const extra = await db
      .select(columns)
      .from(efforts)
      .where(inWorkspace(efforts, include, ctx.workspaceId))
      .limit(1);
    rows.push(...extra);
  }
  return rows;
}

export interface ContactEffort {
  id: string;
  title: string;
  date: string;
  channel: Channel;
}

/** Efforts the contact was involved in, newest first. */
export async function listContactEfforts(ctx: WorkspaceCtx, contactId: string, { limit = 100 } = {}): Promise<ContactEffort[]> {
  assertCan(ctx, 'workspace.read');
  if (!isUuid(contactId)) return [];
  const db = await executor(ctx);
  return db
    .select({ id: efforts.id, title: efforts.title, date: efforts.date, channel: efforts.channel })
    .from(effortContacts)
    .innerJoin(efforts, and(eq(efforts.id, effortContacts.effortId), eq(efforts.workspaceId, effortContacts.workspaceId)))
    .where(and(eq(effortContacts.contactId, contactId), eq(effortContacts.workspaceId, ctx.workspaceId)))
    .orderBy(desc(efforts.date), desc(efforts.id))
    .limit(limit);
}

export interface ContactOpportunity {
  id: string;
  title: string;
  stage: Stage;
  openedOn: string;
}

/** Opportunities the contact brought, newest first. */
export async function listContactOpportunities(
  ctx: WorkspaceCtx,
  contactId: string,
  { limit = 100 } = {},
): Promise<ContactOpportunity[]> {
  assertCan(ctx, 'workspace.read');
  if (!isUuid(contactId)) return [];
  const db = await executor(ctx);
  return db
    .select({ id: opportunities.id, title: opportunities.title, stage: opportunities.stage, openedOn: opportunities.openedOn })
    .from(opportunities)
    .where(and(eq(opportunities.contactId, contactId), eq(opportunities.workspaceId, ctx.workspaceId)))
    .orderBy(desc(opportunities.openedOn), desc(opportunities.id))
    .limit(limit);
}

/** The channel a contact gets: its meeting effort's (verified to be in the workspace), else the one picked. */
async function resolveChannel(
  db: Executor,
  ctx: WorkspaceCtx,
  input: Pick<ContactInput, 'metThroughEffortId' | 'channel'>,
): Promise<{ ok: true; channel: Channel | null } | { ok: false; fieldErrors: Record<string, string[]> }> {
  if (!input.metThroughEffortId) return { ok: true, channel: input.channel };
  const [effort] = await db
    .select({ channel: efforts.channel })
    .from(efforts)
    .where(inWorkspace(efforts, input.metThroughEffortId, ctx.workspaceId))
    .limit(1);
  if (!effort) return { ok: false, fieldErrors: { metThroughEffortId: [EFFORT_REFUSED] } };
  return { ok: true, channel: effort.channel };
}

function editableColumns(input: ContactInput, channel: Channel | null) {
  return {
    name: input.name,
    email: input.email,
    phone: input.phone,
    company: input.company,
    role: input.role,
    linkedinUrl: input.linkedinUrl,
    tags: input.tags,
    notes: input.notes,
    metThroughEffortId: input.metThroughEffortId,
    channel,
    metOn: input.metOn,
    cadenceDays: input.cadenceDays,
    nextFollowUpOn: input.nextFollowUpOn,
  };
}

/** Adds a contact; its channel comes from the effort where you met, when there is one. */
export async function createContact(ctx: WorkspaceCtx, input: ContactInput): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  const resolved = await resolveChannel(db, ctx, input);
  if (!resolved.ok) return fail(undefined, resolved.fieldErrors);
  const [row] = await db
    .insert(contacts)
    .values({ workspaceId: ctx.workspaceId, ...editableColumns(input, resolved.channel), lastTouchOn: input.metOn })
    .returning({ id: contacts.id });
  await linkMeetingEffort(db, ctx, row.id, input.metThroughEffortId);
  return row;
}

/** The effort where you met also lists the contact among those it involved. */
async function linkMeetingEffort(db: Executor, ctx: WorkspaceCtx, contactId: string, effortId: string | null | undefined) {
  if (!effortId) return;
  // resolveChannel has already checked that the effort belongs to this workspace.
  await db.insert(effortContacts).values({ workspaceId: ctx.workspaceId, effortId, contactId }).onConflictDoNothing();
}

/** Last touch = the latest of the meeting date and every interaction's date. */
function lastTouchSql(metOn: SQL) {
  return sql<string | null>`greatest(${metOn}, (
    select max(li.date) from interactions li
    where li.contact_id = "contacts"."id" and li.workspace_id = "contacts"."workspace_id"
  ))`;
}

/** Saves an edit made on the version the form loaded; a newer version elsewhere refuses it. */
export async function updateContact(ctx: WorkspaceCtx, input: UpdateContactInput): Promise<{ id: string; version: number } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  const resolved = await resolveChannel(db, ctx, input);
  if (!resolved.ok) return fail(undefined, resolved.fieldErrors);
  const [row] = await db
    .update(contacts)
    .set({
      ...editableColumns(input, resolved.channel),
      lastTouchOn: lastTouchSql(sql`${input.metOn}::date`),
      version: sql`${contacts.version} + 1`,
    })
    .where(and(eq(contacts.id, input.id), eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.version, input.version)))
    .returning({ id: contacts.id, version: contacts.version });
  if (row) {
    await linkMeetingEffort(db, ctx, row.id, input.metThroughEffortId);
    return row;
  }
  const [exists] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(inWorkspace(contacts, input.id, ctx.workspaceId))
    .limit(1);
  return fail(exists ? STALE_MESSAGE : CONTACT_GONE);
}

/** Deletes a contact and its interactions; opportunities it brought stay, without a contact. */
export async function deleteContact(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  if (!isUuid(id)) return fail(CONTACT_GONE);
  const db = await executor(ctx);
  // The foreign keys do the rest: interactions and effort links cascade, opportunities.contact_id is set null.
  const [row] = await db
    .delete(contacts)
    .where(inWorkspace(contacts, id, ctx.workspaceId))
    .returning({ id: contacts.id });
  return row ?? fail(CONTACT_GONE);
}

/** Recomputes a contact's last touch; call in the transaction that changed its interactions. */
export async function refreshLastTouch(db: Executor, workspaceId: string, contactId: string): Promise<void> {
  await db
    .update(contacts)
    .set({ lastTouchOn: lastTouchSql(sql`"contacts"."met_on"`) })
    .where(inWorkspace(contacts, contactId, workspaceId));
}

export interface ContactChoice {
  id: string;
  name: string;
  company: string;
}

/** Contacts for other forms' pickers, in name order, optionally matching a name or company. */
export async function listContactChoices(
  ctx: WorkspaceCtx,
  { q, limit = 200 }: { q?: string; limit?: number } = {},
): Promise<ContactChoice[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const filters: SQL[] = [eq(contacts.workspaceId, ctx.workspaceId)];
  const text = textIn(q, [contacts.name, contacts.company]);
  if (text) filters.push(text);
  return db
    .select({ id: contacts.id, name: contacts.name, company: contacts.company })
    .from(contacts)
    .where(and(...filters))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}

/** How many contacts with a cadence are past it. */
export async function countGoingCold(ctx: WorkspaceCtx, { today }: { today?: string } = {}): Promise<number> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), goingColdSql(today ?? todayIso())));
  return row?.n ?? 0;
}

export interface GoingColdContact {
  id: string;
  name: string;
  company: string;
  lastTouchOn: string | null;
  cadenceDays: number;
  overdueDays: number;
}

/** Contacts past their cadence, the most overdue first. */
export async function listGoingCold(
  ctx: WorkspaceCtx,
  { limit = 10, today }: { limit?: number; today?: string } = {},
): Promise<GoingColdContact[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const day = today ?? todayIso();
  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      company: contacts.company,
      lastTouchOn: contacts.lastTouchOn,
      cadenceDays: contacts.cadenceDays,
      overdueDays: overdueDaysSql(day),
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), goingColdSql(day)))
    .orderBy(asc(dueOn), asc(contacts.name), asc(contacts.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map((r) => ({ ...r, cadenceDays: r.cadenceDays ?? 0, overdueDays: r.overdueDays ?? 0 }));
}
