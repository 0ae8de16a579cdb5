import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import {
  activityLog,
  comments,
  contacts,
  effortContacts,
  efforts,
  interactions,
  linkedinChecklists,
  memberships,
  opportunities,
  timeEntries,
  workspaces,
  type Channel,
  type NewContact,
  type NewEffort,
} from '@/db/schema';
import type { WorkspaceBackup } from '@/lib/import/backup';
import { linkedinKey, type LinkedinConnection, type LinkedinSkip } from '@/lib/import/linkedin';
import { checkRow, type ImportEntity, type ImportRecord, type Mapping } from '@/lib/import/mapping';
import type { VcardContact } from '@/lib/import/vcard';
import { fail, inTransaction, isFailure, type ActionFailure } from '@/lib/result';
import { assertCan, ForbiddenError } from '@/lib/permissions';
import { contactSchema } from '@/lib/schemas/contact';
import { CHANNEL_FIELDS, type EffortInput } from '@/lib/schemas/effort';
import { executor, type WorkspaceCtx } from './context';
import { defaultCadenceDays } from './workspaces';

const INSERT_BATCH = 500;
export const PREVIEW_ROWS = 20;
/** Problems listed by row at most; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 200;

/** Holds the workspace row for the rest of the transaction, so two imports into it run one after the other. */
export async function lockWorkspace(db: Executor, workspaceId: string): Promise<void> {
  await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await insert(rows.slice(i, i + INSERT_BATCH));
}

/** One activity-log row for an import, with its counts. */
export async function logActivity(db: Executor, ctx: WorkspaceCtx, action: string, details: Record<string, unknown>): Promise<void> {
  await db.insert(activityLog).values({ workspaceId: ctx.workspaceId, userId: ctx.userId, action, entity: action.split('.')[0], details });
}

// ---------------------------------------------------------------------------------------------
// LinkedIn connections
// ---------------------------------------------------------------------------------------------

export type LinkedinRowStatus = 'new' | 'updated' | 'unchanged';

export interface LinkedinPlan {
  newCount: number;
  updatedCount: number;
  /** Unchanged matches, rows without a name and rows listed twice. */
  skippedCount: number;
  sample: { line: number; name: string; company: string; role: string; metOn: string | null; status: LinkedinRowStatus }[];
  skipped: LinkedinSkip[];
}

interface Existing {
  id: string;
  email: string;
  linkedinUrl: string;
  company: string;
  role: string;
  metOn: string | null;
}

interface Planned {
  plan: LinkedinPlan;
  inserts: NewContact[];
  updates: { id: string; set: Partial<Pick<Existing, 'email' | 'linkedinUrl' | 'company' | 'role' | 'metOn'>> }[];
}

async function planLinkedin(db: Executor, ctx: WorkspaceCtx, connections: LinkedinConnection[], fileSkips: LinkedinSkip[]): Promise<Planned> {
  const existing: Existing[] = await db
    .select({
      id: contacts.id,
      email: contacts.email,
      linkedinUrl: contacts.linkedinUrl,
      company: contacts.company,
      role: contacts.role,
      metOn: contacts.metOn,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), or(sql`${contacts.linkedinUrl} <> ''`, sql`${contacts.email} <> ''`)));
  const byUrl = new Map<string, Existing | 'file'>();
  const byEmail = new Map<string, Existing | 'file'>();
  for (const c of existing) {
    const key = linkedinKey(c.linkedinUrl);
    if (key && !byUrl.has(key)) byUrl.set(key, c);
    const email = c.email.toLowerCase();
    if (email && !byEmail.has(email)) byEmail.set(email, c);
  }

  const plan: LinkedinPlan = { newCount: 0, updatedCount: 0, skippedCount: 0, sample: [], skipped: [...fileSkips] };
  const inserts: NewContact[] = [];
  const updates: Planned['updates'] = [];
  const seen = new Set<Existing>();
  for (const c of connections) {
    const key = linkedinKey(c.linkedinUrl);
    const match = (key ? byUrl.get(key) : undefined) ?? (c.email ? byEmail.get(c.email) : undefined);
    if (match === 'file' || (match && seen.has(match))) {
      plan.skipped.push({ line: c.line, reason: 'Listed twice in the file' });
      continue;
    }
    let status: LinkedinRowStatus;
    if (match) {
      seen.add(match);
      const set: Planned['updates'][number]['set'] = {};
      // LinkedIn knows the current job; the rest only fills what is still empty here.
      if (c.company && c.company !== match.company) set.company = c.company;
      if (c.role && c.role !== match.role) set.role = c.role;
      if (c.linkedinUrl && !match.linkedinUrl) set.linkedinUrl = c.linkedinUrl;
      if (c.email && !match.email) set.email = c.email;
      if (c.metOn && !match.metOn) set.metOn = c.metOn;
      if (Object.keys(set).length) {
        updates.push({ id: match.id, set });
        status = 'updated';
      } else {
        status = 'unchanged';
      }
    } else {
      const parsed = contactSchema.safeParse({
        name: c.name,
        email: c.email,
        phone: '',
        company: c.company,
        role: c.role,
        linkedinUrl: c.linkedinUrl,
        tags: [],
        notes: '',
        metThroughEffortId: '',
        channel: 'linkedin',
        metOn: c.metOn ?? '',
        cadenceDays: '',
        nextFollowUpOn: '',
      });
      if (!parsed.success) {
        plan.skipped.push({ line: c.line, reason: parsed.error.issues[0]?.message ?? 'Not a valid contact' });
        continue;
      }
      const v = parsed.data;
      inserts.push({
        workspaceId: ctx.workspaceId,
        name: v.name,
        email: v.email,
        company: v.company,
        role: v.role,
        linkedinUrl: v.linkedinUrl,
        channel: 'linkedin',
        metOn: v.metOn,
        lastTouchOn: v.metOn,
      });
      if (key) byUrl.set(key, 'file');
      if (v.email) byEmail.set(v.email, 'file');
      status = 'new';
    }
    if (status === 'new') plan.newCount++;
    else if (status === 'updated') plan.updatedCount++;
    else plan.skipped.push({ line: c.line, reason: 'Already in your contacts, nothing new' });
    if (plan.sample.length < PREVIEW_ROWS) {
      plan.sample.push({ line: c.line, name: c.name, company: c.company, role: c.role, metOn: c.metOn, status });
    }
  }
  plan.skipped.sort((a, b) => a.line - b.line);
  plan.skippedCount = plan.skipped.length;
  plan.skipped = plan.skipped.slice(0, MAX_LISTED_PROBLEMS);
  return { plan, inserts, updates };
}

/** What importing these connections would do: new, updated and skipped rows; writes nothing. */
export async function previewLinkedinImport(
  ctx: WorkspaceCtx,
  connections: LinkedinConnection[],
  skipped: LinkedinSkip[] = [],
): Promise<LinkedinPlan> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  return (await planLinkedin(db, ctx, connections, skipped)).plan;
}

/**
 * Creates the new connections as LinkedIn contacts and refreshes the ones already here (matched
 * by LinkedIn address, then e-mail), all in one transaction.
 */
export async function importLinkedinConnections(
  ctx: WorkspaceCtx,
  connections: LinkedinConnection[],
  skipped: LinkedinSkip[] = [],
): Promise<LinkedinPlan> {
  assertCan(ctx, 'records.write');
  const result = await inTransaction(ctx, async (db) => {
    await lockWorkspace(db, ctx.workspaceId);
    const { plan, inserts, updates } = await planLinkedin(db, ctx, connections, skipped);
    const cadenceDays = await defaultCadenceDays(db, ctx.workspaceId);
    await insertInBatches(
      inserts.map((row) => ({ ...row, cadenceDays })),
      (batch) => db.insert(contacts).values(batch),
    );
    for (const u of updates) {
      await db
        .update(contacts)
        .set({
          ...u.set,
          ...(u.set.metOn ? { lastTouchOn: sql`greatest(${contacts.lastTouchOn}, ${u.set.metOn}::date)` } : {}),
          version: sql`${contacts.version} + 1`,
        })
        .where(and(eq(contacts.id, u.id), eq(contacts.workspaceId, ctx.workspaceId)));
    }
    await logActivity(db, ctx, 'contact.import_linkedin', { created: plan.newCount, updated: plan.updatedCount });
    return plan;
  });
  if (isFailure(result)) throw new Error(result.formError);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet (CSV) import of contacts, efforts or opportunities
// ---------------------------------------------------------------------------------------------

export interface RowProblem {
  line: number;
  errors: string[];
}

export interface CsvCheck {
  total: number;
  validCount: number;
  invalidCount: number;
  /** Rows already in the workspace, or listed earlier in the same file: left out, not errors. */
  duplicateCount: number;
  /** The first rows, with their errors or why they are left out, for the preview. */
  sample: { line: number; cells: string[]; errors: string[]; skipped?: string }[];
  /** Rows that cannot be imported, first ones only. */
  problems: RowProblem[];
}

const ALREADY_HERE = 'Already in this workspace: left out';
const LISTED_TWICE = 'Listed earlier in the file: left out';

const lower = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();

/** `a, b, c` for an SQL `in (...)`, each value a parameter. */
export const inList = (values: readonly string[]) => sql.join([...new Set(values)].map((v) => sql`${v}`), sql`, `);

/** What makes two rows the same record: a contact's e-mail, LinkedIn address or name and company; an effort's day, channel and title; an opportunity's title and opening day. */
function sameRecordKeys(
  record:
    | { entity: 'contacts'; name: string; company: string; email: string | null; linkedinUrl: string }
    | { entity: 'efforts'; date: string; channel: string; title: string }
    | { entity: 'opportunities'; openedOn: string; title: string },
): string[] {
  if (record.entity === 'efforts') return [`effort:${record.date}|${record.channel}|${lower(record.title)}`];
  if (record.entity === 'opportunities') return [`opportunity:${record.openedOn}|${lower(record.title)}`];
  const keys = [`name:${lower(record.name)}|${lower(record.company)}`];
  if (record.email) keys.push(`email:${lower(record.email)}`);
  const url = linkedinKey(record.linkedinUrl);
  if (url) keys.push(`linkedin:${url}`);
  return keys;
}

function rowKeys(record: ImportRecord): string[] {
  if (record.entity === 'contacts') return sameRecordKeys({ entity: 'contacts', ...record.input });
  if (record.entity === 'efforts') return sameRecordKeys({ entity: 'efforts', ...record.input });
  return sameRecordKeys({ entity: 'opportunities', ...record.input });
}

/** The same-record keys of what the workspace already holds that rows of this file could match. */
async function existingKeys(db: Executor, ctx: WorkspaceCtx, entity: ImportEntity, records: ImportRecord[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (records.length === 0) return keys;
  if (entity === 'contacts') {
    const fields = { name: contacts.name, company: contacts.company, email: contacts.email, linkedinUrl: contacts.linkedinUrl };
    const add = (rows: { name: string; company: string; email: string; linkedinUrl: string }[]) => {
      for (const r of rows) for (const k of sameRecordKeys({ entity: 'contacts', ...r })) keys.add(k);
    };
    // Every contact with an e-mail or LinkedIn address, as the LinkedIn import reads them, then the namesakes.
    add(
      await db
        .select(fields)
        .from(contacts)
        .where(and(eq(contacts.workspaceId, ctx.workspaceId), sql`(${contacts.email} <> '' or ${contacts.linkedinUrl} <> '')`)),
    );
    const names = [...new Set(records.flatMap((r) => (r.entity === 'contacts' ? [lower(r.input.name)] : [])))];
    for (let i = 0; i < names.length; i += INSERT_BATCH) {
      add(
        await db
          .select(fields)
          .from(contacts)
          .where(and(eq(contacts.workspaceId, ctx.workspaceId), sql`lower(${contacts.name}) in (${inList(names.slice(i, i + INSERT_BATCH))})`)),
      );
    }
    return keys;
  }
  const dates = [...new Set(records.flatMap((r) => (r.entity === 'efforts' ? [r.input.date] : r.entity === 'opportunities' ? [r.input.openedOn] : [])))];
  for (let i = 0; i < dates.length; i += INSERT_BATCH) {
    const batch = inList(dates.slice(i, i + INSERT_BATCH));
    if (entity === 'efforts') {
      const rows = await db
        .select({ date: efforts.date, channel: efforts.channel, title: efforts.title })
        .from(efforts)
        .where(and(eq(efforts.workspaceId, ctx.workspaceId), sql`${efforts.date} in (${batch})`));
      for (const r of rows) for (const k of sameRecordKeys({ entity: 'efforts', ...r })) keys.add(k);
    } else {
      const rows = await db
        .select({ openedOn: opportunities.openedOn, title: opportunities.title })
        .from(opportunities)
        .where(and(eq(opportunities.workspaceId, ctx.workspaceId), sql`${opportunities.openedOn} in (${batch})`));
      for (const r of rows) for (const k of sameRecordKeys({ entity: 'opportunities', ...r })) keys.add(k);
    }
  }
  return keys;
}

type ContactRef = { ok: true; id: string | null } | { ok: false; error: string };

/** Resolves "name or e-mail" cells to contacts of this workspace; an unknown or ambiguous one is a row error. */
async function contactResolver(db: Executor, ctx: WorkspaceCtx, refs: string[]): Promise<(ref: string) => ContactRef> {
  const wanted = [...new Set(refs.map((r) => r.trim().toLowerCase()).filter(Boolean))];
  const byEmail = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (let i = 0; i < wanted.length; i += INSERT_BATCH) {
    const list = inList(wanted.slice(i, i + INSERT_BATCH));
    const rows = await db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), sql`(lower(${contacts.name}) in (${list}) or lower(${contacts.email}) in (${list}))`));
    for (const r of rows) {
      const e = r.email.toLowerCase();
      if (e) byEmail.set(e, [...(byEmail.get(e) ?? []), r.id]);
      const n = r.name.toLowerCase();
      byName.set(n, [...new Set([...(byName.get(n) ?? []), r.id])]);
    }
  }
  return (ref) => {
    const k = ref.trim().toLowerCase();
    if (!k) return { ok: true, id: null };
    const ids = byEmail.get(k) ?? byName.get(k) ?? [];
    if (ids.length === 1) return { ok: true, id: ids[0] };
    if (ids.length > 1) return { ok: false, error: `Contact: several contacts are called "${ref.trim()}"; use their e-mail instead` };
    return { ok: false, error: `Contact: no contact called "${ref.trim()}" in this workspace` };
  };
}

interface CheckedRows {
  check: CsvCheck;
  valid: { line: number; record: ImportRecord; contactId: string | null }[];
}

async function checkRows(db: Executor, ctx: WorkspaceCtx, entity: ImportEntity, rows: string[][], lines: number[], mapping: Mapping): Promise<CheckedRows> {
  const checked = rows.map((row) => checkRow(entity, mapping, row));
  const resolve =
    entity === 'opportunities'
      ? await contactResolver(
          db,
          ctx,
          checked.flatMap((c) => (c.ok && c.record.entity === 'opportunities' ? [c.record.contact] : [])),
        )
      : null;
  const check: CsvCheck = { total: rows.length, validCount: 0, invalidCount: 0, duplicateCount: 0, sample: [], problems: [] };
  const valid: CheckedRows['valid'] = [];
  const existing = await existingKeys(
    db,
    ctx,
    entity,
    checked.flatMap((c) => (c.ok ? [c.record] : [])),
  );
  const inFile = new Set<string>();
  checked.forEach((c, i) => {
    const line = lines[i];
    let errors: string[] = [];
    let skipped: string | undefined;
    if (c.ok) {
      let contactId: string | null = null;
      if (resolve && c.record.entity === 'opportunities') {
        const ref = resolve(c.record.contact);
        if (ref.ok) contactId = ref.id;
        else errors = [ref.error];
      }
      if (errors.length === 0) {
        // Importing the same file twice, or a file with rows already entered by hand, adds nothing twice.
        const keys = rowKeys(c.record);
        if (keys.some((k) => existing.has(k))) skipped = ALREADY_HERE;
        else if (keys.some((k) => inFile.has(k))) skipped = LISTED_TWICE;
        if (skipped) check.duplicateCount++;
        else valid.push({ line, record: c.record, contactId });
        for (const k of keys) inFile.add(k);
      }
    } else {
      errors = c.errors;
    }
    if (errors.length) {
      check.invalidCount++;
      if (check.problems.length < MAX_LISTED_PROBLEMS) check.problems.push({ line, errors });
    }
    if (check.sample.length < PREVIEW_ROWS) check.sample.push({ line, cells: rows[i], errors, ...(skipped ? { skipped } : {}) });
  });
  check.validCount = valid.length;
  return { check, valid };
}

/** Checks every row of a spreadsheet against the entity's rules; writes nothing. */
export async function previewCsvImport(
  ctx: WorkspaceCtx,
  entity: ImportEntity,
  rows: string[][],
  lines: number[],
  mapping: Mapping,
): Promise<CsvCheck> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  return (await checkRows(db, ctx, entity, rows, lines, mapping)).check;
}

const TYPED_EFFORT_FIELDS = new Set([
  'drinks',
  'conversations',
  'pitches',
  'advances',
  'jobSeekerAsks',
  'usefulContacts',
  'joinedOn',
  'leftOn',
  'yearlyDues',
  'similarity',
  'paidAmount',
  'thankYouSent',
  'followUpOn',
  'otherLabel',
]);

/** An effort's columns as the effort form stores them: indexed fields in columns, the rest in details. */
function effortValues(ctx: WorkspaceCtx, id: string, input: EffortInput): NewEffort {
  const typed: Record<string, unknown> = {};
  const details: Record<string, string | number | boolean | null> = {};
  const source = input as unknown as Record<string, string | number | boolean | null>;
  for (const spec of CHANNEL_FIELDS[input.channel]) {
    const value = source[spec.name] ?? null;
    if (TYPED_EFFORT_FIELDS.has(spec.name)) typed[spec.name] = value;
    else details[spec.name] = value;
  }
  return {
    id,
    workspaceId: ctx.workspaceId,
    createdBy: ctx.userId,
    channel: input.channel,
    title: input.title,
    date: input.date,
    hours: input.hours ?? 0,
    moneySpent: input.moneySpent ?? 0,
    notes: input.notes,
    ...(typed as Partial<NewEffort>),
    details,
  };
}

export interface CsvImportResult extends CsvCheck {
  imported: number;
}

/** Imports every valid row in one transaction and reports the others by line. */
export async function importCsvRows(
  ctx: WorkspaceCtx,
  entity: ImportEntity,
  rows: string[][],
  lines: number[],
  mapping: Mapping,
): Promise<CsvImportResult> {
  assertCan(ctx, 'records.write');
  const result = await inTransaction(ctx, async (db) => {
    await lockWorkspace(db, ctx.workspaceId);
    const { check, valid } = await checkRows(db, ctx, entity, rows, lines, mapping);
    if (entity === 'contacts') {
      const cadence = await defaultCadenceDays(db, ctx.workspaceId);
      const values = valid.flatMap(({ record }) =>
        record.entity === 'contacts'
          ? [
              {
                workspaceId: ctx.workspaceId,
                name: record.input.name,
                email: record.input.email,
                phone: record.input.phone,
                company: record.input.company,
                role: record.input.role,
                linkedinUrl: record.input.linkedinUrl,
                tags: record.input.tags,
                notes: record.input.notes,
                channel: record.input.channel,
                metOn: record.input.metOn,
                lastTouchOn: record.input.metOn,
                cadenceDays: record.input.cadenceDays ?? cadence,
                nextFollowUpOn: record.input.nextFollowUpOn,
              } satisfies NewContact,
            ]
          : [],
      );
      await insertInBatches(values, (batch) => db.insert(contacts).values(batch));
    } else if (entity === 'efforts') {
      const effortRows: NewEffort[] = [];
      const entries: (typeof timeEntries.$inferInsert)[] = [];
      for (const { record } of valid) {
        if (record.entity !== 'efforts') continue;
        const id = randomUUID();
        effortRows.push(effortValues(ctx, id, record.input));
        const hours = record.input.hours ?? 0;
        if (hours > 0) entries.push({ workspaceId: ctx.workspaceId, effortId: id, date: record.input.date, hours });
      }
      await insertInBatches(effortRows, (batch) => db.insert(efforts).values(batch));
      await insertInBatches(entries, (batch) => db.insert(timeEntries).values(batch));
    } else {
      const values = valid.flatMap(({ record, contactId }) =>
        record.entity === 'opportunities'
          ? [
              {
                workspaceId: ctx.workspaceId,
                title: record.input.title,
                kind: record.input.kind,
                contactId,
                stage: record.input.stage,
                expectedValue: record.input.expectedValue,
                wonValue: record.input.wonValue,
                openedOn: record.input.openedOn,
                closedOn: record.input.closedOn,
                notes: record.input.notes,
              },
            ]
          : [],
      );
      await insertInBatches(values, (batch) => db.insert(opportunities).values(batch));
    }
    await logActivity(db, ctx, `${entity === 'contacts' ? 'contact' : entity === 'efforts' ? 'effort' : 'opportunity'}.import_csv`, {
      imported: valid.length,
      rejected: check.invalidCount,
    });
    return { ...check, imported: valid.length };
  });
  if (isFailure(result)) throw new Error(result.formError);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Contact cards (.vcf)
// ---------------------------------------------------------------------------------------------

/** Where and when the people on imported cards were met, when the person says so. */
export interface VcardOptions {
  channel: Channel | null;
  metOn: string | null;
}

export interface VcardPlan {
  newCount: number;
  /** Cards already in the workspace, listed twice, without a name or not valid as a contact. */
  skippedCount: number;
  sample: { line: number; name: string; email: string; company: string; role: string; skipped?: string }[];
  skipped: LinkedinSkip[];
}

async function planVcards(
  db: Executor,
  ctx: WorkspaceCtx,
  cards: VcardContact[],
  fileSkips: LinkedinSkip[],
  options: VcardOptions,
): Promise<{ plan: VcardPlan; inserts: NewContact[] }> {
  const records: { line: number; record: ImportRecord & { entity: 'contacts' } }[] = [];
  const plan: VcardPlan = { newCount: 0, skippedCount: 0, sample: [], skipped: [...fileSkips] };
  for (const card of cards) {
    const parsed = contactSchema.safeParse({
      name: card.name,
      email: card.email,
      phone: card.phone,
      company: card.company,
      role: card.role,
      linkedinUrl: card.linkedinUrl,
      tags: [],
      notes: card.notes,
      metThroughEffortId: '',
      channel: options.channel ?? '',
      metOn: options.metOn ?? '',
      cadenceDays: '',
      nextFollowUpOn: '',
    });
    if (parsed.success) records.push({ line: card.line, record: { entity: 'contacts', input: parsed.data } });
    else plan.skipped.push({ line: card.line, reason: parsed.error.issues[0]?.message ?? 'Not a valid contact' });
  }
  const existing = await existingKeys(
    db,
    ctx,
    'contacts',
    records.map((r) => r.record),
  );
  const inFile = new Set<string>();
  const inserts: NewContact[] = [];
  for (const { line, record } of records) {
    const keys = rowKeys(record);
    const skipped = keys.some((k) => existing.has(k)) ? ALREADY_HERE : keys.some((k) => inFile.has(k)) ? LISTED_TWICE : undefined;
    for (const k of keys) inFile.add(k);
    const v = record.input;
    if (skipped) plan.skipped.push({ line, reason: skipped });
    else {
      inserts.push({
        workspaceId: ctx.workspaceId,
        name: v.name,
        email: v.email,
        phone: v.phone,
        company: v.company,
        role: v.role,
        linkedinUrl: v.linkedinUrl,
        notes: v.notes,
        channel: v.channel,
        metOn: v.metOn,
        lastTouchOn: v.metOn,
      });
    }
    if (plan.sample.length < PREVIEW_ROWS) {
      plan.sample.push({ line, name: v.name, email: v.email, company: v.company, role: v.role, ...(skipped ? { skipped } : {}) });
    }
  }
  plan.newCount = inserts.length;
  plan.skipped.sort((a, b) => a.line - b.line);
  plan.skippedCount = plan.skipped.length;
  plan.skipped = plan.skipped.slice(0, MAX_LISTED_PROBLEMS);
  return { plan, inserts };
}

/** What importing these cards would do: who is new and who is left out, and why; writes nothing. */
export async function previewVcardImport(
  ctx: WorkspaceCtx,
  cards: VcardContact[],
  skipped: LinkedinSkip[],
  options: VcardOptions,
): Promise<VcardPlan> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  return (await planVcards(db, ctx, cards, skipped, options)).plan;
}

/** Adds the people on the cards who are not here yet, all in one transaction. */
export async function importVcards(ctx: WorkspaceCtx, cards: VcardContact[], skipped: LinkedinSkip[], options: VcardOptions): Promise<VcardPlan> {
  assertCan(ctx, 'records.write');
  const result = await inTransaction(ctx, async (db) => {
    await lockWorkspace(db, ctx.workspaceId);
    const { plan, inserts } = await planVcards(db, ctx, cards, skipped, options);
    await insertInBatches(inserts, (batch) => db.insert(contacts).values(batch));
    await logActivity(db, ctx, 'contact.import_vcard', { created: plan.newCount, skipped: plan.skippedCount });
    return plan;
  });
  if (isFailure(result)) throw new Error(result.formError);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Restoring a whole-workspace export
// ---------------------------------------------------------------------------------------------

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

/** Writes a backup's records into the (empty) workspace of ctx, with fresh ids for everything. */
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

  await insertInBatches(backup.efforts, (batch) =>
    db.insert(efforts).values(
      batch.map((e) => ({
        id: effortIds.get(e.id)!,
        workspaceId: ws,
        createdBy: ctx.userId,
        channel: e.channel,
        otherLabel: e.otherLabel,
        title: e.title,
        date: e.date,
        // Hours are the sum of the time entries, which follow.
        hours: Math.round(e.timeEntries.reduce((s, t) => s + t.hours, 0) * 100) / 100,
        moneySpent: e.moneySpent,
        notes: e.notes,
        drinks: e.drinks,
        conversations: e.conversations,
        pitches: e.pitches,
        advances: e.advances,
        jobSeekerAsks: e.jobSeekerAsks,
        usefulContacts: e.usefulContacts,
        joinedOn: e.joinedOn,
        leftOn: e.leftOn,
        yearlyDues: e.yearlyDues,
        similarity: e.similarity,
        paidAmount: e.paidAmount,
        thankYouSent: e.thankYouSent,
        followUpOn: e.followUpOn,
        details: e.details,
        createdAt: new Date(e.createdAt),
      })),
    ),
  );
  const entries = backup.efforts.flatMap((e) =>
    e.timeEntries.map((t) => ({ workspaceId: ws, effortId: effortIds.get(e.id)!, date: t.date, hours: t.hours, note: t.note, createdAt: new Date(t.createdAt) })),
  );
  await insertInBatches(entries, (batch) => db.insert(timeEntries).values(batch));

  await insertInBatches(backup.contacts, (batch) =>
    db.insert(contacts).values(
      batch.map((c) => ({
        id: contactIds.get(c.id)!,
        workspaceId: ws,
        name: c.name,
        email: c.email,
        phone: c.phone,
        company: c.company,
        role: c.role,
        linkedinUrl: c.linkedinUrl,
        tags: c.tags,
        notes: c.notes,
        metThroughEffortId: ref(effortIds, c.metThroughEffortId),
        channel: c.channel,
        metOn: c.metOn,
        cadenceDays: c.cadenceDays,
        lastTouchOn: c.lastTouchOn,
        nextFollowUpOn: c.nextFollowUpOn,
        createdAt: new Date(c.createdAt),
      })),
    ),
  );
  const links = backup.efforts.flatMap((e) =>
    [...new Set(e.contactIds)].map((c) => ({ workspaceId: ws, effortId: effortIds.get(e.id)!, contactId: contactIds.get(c)! })),
  );
  await insertInBatches(links, (batch) => db.insert(effortContacts).values(batch));

  await insertInBatches(backup.interactions, (batch) =>
    db.insert(interactions).values(
      batch.map((i) => ({
        workspaceId: ws,
        contactId: contactIds.get(i.contactId)!,
        date: i.date,
        kind: i.kind,
        direction: i.direction,
        notes: i.notes,
        createdAt: new Date(i.createdAt),
      })),
    ),
  );
  await insertInBatches(backup.opportunities, (batch) =>
    db.insert(opportunities).values(
      batch.map((o) => ({
        id: opportunityIds.get(o.id)!,
        workspaceId: ws,
        title: o.title,
        kind: o.kind,
        contactId: ref(contactIds, o.contactId),
        effortId: ref(effortIds, o.effortId),
        stage: o.stage,
        expectedValue: o.expectedValue,
        wonValue: o.wonValue,
        openedOn: o.openedOn,
        closedOn: o.closedOn,
        notes: o.notes,
        createdAt: new Date(o.createdAt),
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
  await insertInBatches(backup.comments, (batch) =>
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
