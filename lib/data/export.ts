import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  comments,
  contacts,
  effortContacts,
  efforts,
  interactions,
  linkedinChecklists,
  opportunities,
  timeEntries,
  users,
  workspaces,
} from '@/db/schema';
import { today as todayIso } from '@/lib/dates';
import { BACKUP_FORMAT, BACKUP_VERSION, type WorkspaceBackup } from '@/lib/import/backup';
import { csvLine } from '@/lib/import/csv';
import { IMPORT_FIELDS } from '@/lib/import/mapping';
import { channelName } from '@/lib/payoff/channels';
import { assertCan } from '@/lib/permissions';
import { CHANNEL_FIELDS } from '@/lib/schemas/effort';
import { KIND_LABELS, STAGE_LABELS, type StageKey } from '@/lib/schemas/opportunity';
import { contactFilters, type ContactFilters } from './contacts';
import { executor, type WorkspaceCtx } from './context';
import { opportunityFilters, type OpportunityFilters } from './opportunities';
import { effortFilters, typedFieldsOf, type EffortFilters } from './efforts';
import { now as clockNow } from '@/lib/clock';

const BATCH = 1000;

// ---------------------------------------------------------------------------------------------
// CSV exports of the lists, with the same filters the list pages apply
// ---------------------------------------------------------------------------------------------


/** Channel-specific columns of the efforts export, labelled as the import recognises them. */
const EFFORT_EXTRA_FIELDS = IMPORT_FIELDS.efforts.filter((f) => !['channel', 'title', 'date', 'hours', 'moneySpent', 'notes'].includes(f.key));

function optionLabel(key: string, value: unknown): unknown {
  for (const specs of Object.values(CHANNEL_FIELDS)) {
    const spec = specs.find((s) => s.name === key);
    const option = spec?.options?.find((o) => o.value === value);
    if (option) return option.label;
  }
  return value;
}

type Cell = string | number | boolean | null | undefined;
/** A CSV column: its header and how a row fills it, side by side so the two cannot drift apart. */
type Column<R> = readonly [header: string, value: (row: R) => Cell];

/**
 * A list as CSV lines: the header, then page after page of BATCH rows in keyset order (each page
 * starts after the last row of the one before), so an export of any size holds one page in memory.
 */
async function* csvPages<R, C>(
  header: readonly string[],
  page: (after: C | null) => Promise<R[]>,
  cursorOf: (last: R) => C,
  render: (rows: R[]) => string | Promise<string>,
): AsyncGenerator<string> {
  yield csvLine(header);
  let cursor: C | null = null;
  for (;;) {
    const rows = await page(cursor);
    if (rows.length === 0) return;
    yield await render(rows);
    cursor = cursorOf(rows[rows.length - 1]);
    if (rows.length < BATCH) return;
  }
}

const linesOf = <R>(columns: readonly Column<R>[]) => (rows: R[]) => rows.map((r) => csvLine(columns.map(([, value]) => value(r)))).join('');
const headersOf = <R>(columns: readonly Column<R>[]) => columns.map(([header]) => header);

/** The efforts list as CSV lines (header first), newest first, filtered like the list page. */
export async function* effortsCsv(ctx: WorkspaceCtx, filters: EffortFilters): AsyncGenerator<string> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const where = effortFilters(ctx.workspaceId, filters);
  const page = (cursor: { date: string; id: string } | null) =>
    db
      .select()
      .from(efforts)
      .where(and(...where, ...(cursor ? [sql`(${efforts.date}, ${efforts.id}) < (${cursor.date}::date, ${cursor.id}::uuid)`] : [])))
      .orderBy(desc(efforts.date), desc(efforts.id))
      .limit(BATCH);
  const render = async (rows: Awaited<ReturnType<typeof page>>) => {
    const ids = rows.map((r) => r.id);
    const links = await db
      .select({ effortId: effortContacts.effortId, name: contacts.name })
      .from(effortContacts)
      .innerJoin(contacts, and(eq(contacts.id, effortContacts.contactId), eq(contacts.workspaceId, ctx.workspaceId)))
      .where(and(eq(effortContacts.workspaceId, ctx.workspaceId), inArray(effortContacts.effortId, ids)))
      .orderBy(asc(contacts.name));
    const names = new Map<string, string[]>();
    for (const l of links) names.set(l.effortId, [...(names.get(l.effortId) ?? []), l.name]);
    let out = '';
    for (const r of rows) {
      const own = new Set(CHANNEL_FIELDS[r.channel].map((s) => s.name));
      const all: Record<string, unknown> = { ...(r.details ?? {}), ...r };
      out += csvLine([
        r.date,
        channelName(r.channel),
        r.title,
        r.hours,
        r.moneySpent,
        r.notes,
        ...EFFORT_EXTRA_FIELDS.map((f) => (own.has(f.key) ? (optionLabel(f.key, all[f.key] ?? null) as Cell) : '')),
        (names.get(r.id) ?? []).join('; '),
      ]);
    }
    return out;
  };
  const header = ['Date', 'Channel', 'Title', 'Hours', 'Money spent', 'Notes', ...EFFORT_EXTRA_FIELDS.map((f) => f.label), 'Contacts'];
  yield* csvPages(header, page, (last) => ({ date: last.date, id: last.id }), render);
}

export interface ContactExportFilters extends ContactFilters {
  today?: string;
}

const CONTACT_COLUMNS: readonly Column<typeof contacts.$inferSelect>[] = [
  ['Name', (r) => r.name],
  ['Email', (r) => r.email],
  ['Phone', (r) => r.phone],
  ['Company', (r) => r.company],
  ['Role', (r) => r.role],
  ['LinkedIn URL', (r) => r.linkedinUrl],
  ['Tags', (r) => r.tags.join(', ')],
  ['Notes', (r) => r.notes],
  ['Channel', (r) => (r.channel ? channelName(r.channel) : '')],
  ['Met on', (r) => r.metOn],
  ['Keep-in-touch cadence (days)', (r) => r.cadenceDays],
  ['Last touch', (r) => r.lastTouchOn],
  ['Next follow-up', (r) => r.nextFollowUpOn],
];

/** The contacts list as CSV lines (header first), in name order, filtered like the list page. */
export async function* contactsCsv(ctx: WorkspaceCtx, filters: ContactExportFilters): AsyncGenerator<string> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const where = contactFilters(ctx.workspaceId, filters, filters.today ?? todayIso());
  const page = (cursor: { name: string; id: string } | null) =>
    db
      .select()
      .from(contacts)
      .where(and(...where, ...(cursor ? [sql`(${contacts.name}, ${contacts.id}) > (${cursor.name}, ${cursor.id}::uuid)`] : [])))
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(BATCH);
  yield* csvPages(headersOf(CONTACT_COLUMNS), page, (last) => ({ name: last.name, id: last.id }), linesOf(CONTACT_COLUMNS));
}

interface OpportunityLine {
  title: string;
  kind: keyof typeof KIND_LABELS;
  stage: StageKey;
  contactName: string | null;
  effortTitle: string | null;
  expectedValue: number;
  wonValue: number;
  openedOn: string;
  closedOn: string | null;
  notes: string;
}

const OPPORTUNITY_COLUMNS: readonly Column<OpportunityLine>[] = [
  ['Title', (r) => r.title],
  ['Kind', (r) => KIND_LABELS[r.kind]],
  ['Stage', (r) => STAGE_LABELS[r.stage]],
  ['Contact', (r) => r.contactName],
  ['Effort', (r) => r.effortTitle],
  ['Expected value', (r) => r.expectedValue],
  ['Won value', (r) => r.wonValue],
  ['Opened on', (r) => r.openedOn],
  ['Closed on', (r) => r.closedOn],
  ['Notes', (r) => r.notes],
];

/** The opportunities list as CSV lines (header first), newest first, filtered like the list page. */
export async function* opportunitiesCsv(ctx: WorkspaceCtx, filters: OpportunityFilters): AsyncGenerator<string> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const where = opportunityFilters(ctx.workspaceId, filters);
  const page = (cursor: { date: string; id: string } | null) =>
    db
      .select({
        id: opportunities.id,
        title: opportunities.title,
        kind: opportunities.kind,
        stage: opportunities.stage,
        contactName: contacts.name,
        effortTitle: efforts.title,
        expectedValue: opportunities.expectedValue,
        wonValue: opportunities.wonValue,
        openedOn: opportunities.openedOn,
        closedOn: opportunities.closedOn,
        notes: opportunities.notes,
      })
      .from(opportunities)
      .leftJoin(contacts, and(eq(contacts.id, opportunities.contactId), eq(contacts.workspaceId, ctx.workspaceId)))
      .leftJoin(efforts, and(eq(efforts.id, opportunities.effortId), eq(efforts.workspaceId, ctx.workspaceId)))
      .where(
        and(
          ...where,
          ...(cursor ? [sql`(${opportunities.openedOn}, ${opportunities.id}) < (${cursor.date}::date, ${cursor.id}::uuid)`] : []),
        ),
      )
      .orderBy(desc(opportunities.openedOn), desc(opportunities.id))
      .limit(BATCH);
  yield* csvPages(headersOf(OPPORTUNITY_COLUMNS), page, (last) => ({ date: last.openedOn, id: last.id }), linesOf(OPPORTUNITY_COLUMNS));
}

// ---------------------------------------------------------------------------------------------
// The whole workspace as one versioned JSON document
// ---------------------------------------------------------------------------------------------

const iso = (d: Date) => d.toISOString();

type BackupEffort = WorkspaceBackup['efforts'][number];
/** What every effort carries; the rest of a backed-up effort is its typed channel columns. */
type BackupEffortBase = 'id' | 'channel' | 'title' | 'date' | 'hours' | 'moneySpent' | 'notes' | 'details' | 'createdAt' | 'timeEntries' | 'contactIds';

/**
 * Everything the workspace holds, for a backup or a move: settings and every record, with
 * workspace-local ids for references. No user ids, e-mails, tokens or password hashes; comments
 * carry their author's name only. Owners only.
 */
export async function buildWorkspaceBackup(ctx: WorkspaceCtx, now: Date = clockNow()): Promise<WorkspaceBackup> {
  assertCan(ctx, 'workspace.export');
  const db = await executor(ctx);
  const ws = ctx.workspaceId;
  const [workspace] = await db
    .select({
      name: workspaces.name,
      targetNiche: workspaces.targetNiche,
      hourlyValue: workspaces.hourlyValue,
      currency: workspaces.currency,
      defaultCadenceDays: workspaces.defaultCadenceDays,
    })
    .from(workspaces)
    .where(eq(workspaces.id, ws))
    .limit(1);
  const [effortRows, entryRows, linkRows, contactRows, interactionRows, opportunityRows, checklistRows, commentRows] = await Promise.all([
    db.select().from(efforts).where(eq(efforts.workspaceId, ws)).orderBy(asc(efforts.date), asc(efforts.createdAt), asc(efforts.id)),
    db
      .select()
      .from(timeEntries)
      .where(eq(timeEntries.workspaceId, ws))
      .orderBy(asc(timeEntries.date), asc(timeEntries.createdAt), asc(timeEntries.id)),
    db.select().from(effortContacts).where(eq(effortContacts.workspaceId, ws)),
    db.select().from(contacts).where(eq(contacts.workspaceId, ws)).orderBy(asc(contacts.name), asc(contacts.createdAt), asc(contacts.id)),
    db
      .select()
      .from(interactions)
      .where(eq(interactions.workspaceId, ws))
      .orderBy(asc(interactions.date), asc(interactions.createdAt), asc(interactions.id)),
    db
      .select()
      .from(opportunities)
      .where(eq(opportunities.workspaceId, ws))
      .orderBy(asc(opportunities.openedOn), asc(opportunities.createdAt), asc(opportunities.id)),
    db.select().from(linkedinChecklists).where(eq(linkedinChecklists.workspaceId, ws)).limit(1),
    db
      .select({
        id: comments.id,
        authorName: users.name,
        entity: comments.entity,
        entityId: comments.entityId,
        body: comments.body,
        createdAt: comments.createdAt,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.workspaceId, ws))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  ]);

  const entriesOf = new Map<string, WorkspaceBackup['efforts'][number]['timeEntries']>();
  for (const t of entryRows) {
    entriesOf.set(t.effortId, [...(entriesOf.get(t.effortId) ?? []), { date: t.date, hours: t.hours, note: t.note, createdAt: iso(t.createdAt) }]);
  }
  const contactsOf = new Map<string, string[]>();
  for (const l of linkRows) contactsOf.set(l.effortId, [...(contactsOf.get(l.effortId) ?? []), l.contactId]);
  const contactOrder = new Map(contactRows.map((c, i) => [c.id, i]));
  const knownEfforts = new Set(effortRows.map((e) => e.id));
  const knownContacts = new Set(contactRows.map((c) => c.id));
  const knownOpportunities = new Set(opportunityRows.map((o) => o.id));
  const target = { effort: knownEfforts, contact: knownContacts, opportunity: knownOpportunities } as const;

  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: iso(now),
    workspace: {
      name: workspace?.name ?? '',
      targetNiche: workspace?.targetNiche ?? '',
      hourlyValue: workspace?.hourlyValue ?? null,
      currency: (workspace?.currency ?? 'USD') as WorkspaceBackup['workspace']['currency'],
      defaultCadenceDays: workspace?.defaultCadenceDays ?? null,
    },
    efforts: effortRows.map((e) => ({
      id: e.id,
      channel: e.channel,
      title: e.title,
      date: e.date,
      hours: e.hours,
      moneySpent: e.moneySpent,
      notes: e.notes,
      ...(typedFieldsOf(e) as Omit<BackupEffort, BackupEffortBase>),
      details: e.details ?? {},
      createdAt: iso(e.createdAt),
      timeEntries: entriesOf.get(e.id) ?? [],
      // Contacts in the order the contacts list has them, so two exports of equal data compare equal.
      contactIds: (contactsOf.get(e.id) ?? [])
        .filter((id) => knownContacts.has(id))
        .sort((a, b) => (contactOrder.get(a) ?? 0) - (contactOrder.get(b) ?? 0)),
    })),
    contacts: contactRows.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      company: c.company,
      role: c.role,
      linkedinUrl: c.linkedinUrl,
      tags: c.tags,
      notes: c.notes,
      metThroughEffortId: c.metThroughEffortId && knownEfforts.has(c.metThroughEffortId) ? c.metThroughEffortId : null,
      channel: c.channel,
      metOn: c.metOn,
      cadenceDays: c.cadenceDays,
      lastTouchOn: c.lastTouchOn,
      nextFollowUpOn: c.nextFollowUpOn,
      createdAt: iso(c.createdAt),
    })),
    interactions: interactionRows
      .filter((i) => knownContacts.has(i.contactId))
      .map((i) => ({
        id: i.id,
        contactId: i.contactId,
        date: i.date,
        kind: i.kind,
        direction: i.direction,
        notes: i.notes,
        createdAt: iso(i.createdAt),
      })),
    opportunities: opportunityRows.map((o) => ({
      id: o.id,
      title: o.title,
      kind: o.kind,
      contactId: o.contactId && knownContacts.has(o.contactId) ? o.contactId : null,
      effortId: o.effortId && knownEfforts.has(o.effortId) ? o.effortId : null,
      stage: o.stage,
      expectedValue: o.expectedValue,
      wonValue: o.wonValue,
      openedOn: o.openedOn,
      closedOn: o.closedOn,
      notes: o.notes,
      createdAt: iso(o.createdAt),
    })),
    linkedinChecklist: checklistRows[0]
      ? {
          summary: checklistRows[0].summary,
          workHistory: checklistRows[0].workHistory,
          affiliations: checklistRows[0].affiliations,
          degrees: checklistRows[0].degrees,
          hobbies: checklistRows[0].hobbies,
        }
      : null,
    // A comment whose record is gone has nothing to attach to on restore.
    comments: commentRows
      .filter((c) => (c.entity === 'dashboard' ? c.entityId === null : c.entityId !== null && target[c.entity].has(c.entityId)))
      .map((c) => ({
        id: c.id,
        authorName: c.authorName,
        entity: c.entity,
        entityId: c.entityId,
        body: c.body,
        createdAt: iso(c.createdAt),
      })),
  };
}

/** A file name for a download: the workspace's name made safe, and the date. */
export function exportFileName(workspaceName: string, what: string, ext: string, day = todayIso()): string {
  const slug =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 40) || 'workspace';
  return `groundwork-${slug}-${what}-${day}.${ext}`;
}
