import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts, efforts, opportunities, timeEntries, type NewEffort } from '@/db/schema';
import { checkRow, type ImportEntity, type ImportRecord, type Mapping } from '@/lib/import/mapping';
import type { EffortInput } from '@/lib/schemas/effort';
import { effortColumns } from '../efforts';
import type { WorkspaceCtx } from '../context';
import { defaultCadenceDays } from '../workspaces';
import { importedContactRow, inBatches, inList, logActivity, MAX_LISTED_PROBLEMS, PREVIEW_ROWS, previewImport, runImport } from './common';
import { existingKeys, rowKeys, sameRecordSkip } from './same-record';

// A spreadsheet (CSV) of contacts, efforts or opportunities, its columns mapped to fields.

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

type ContactRef = { ok: true; id: string | null } | { ok: false; error: string };

/** Resolves "name or e-mail" cells to contacts of this workspace; an unknown or ambiguous one is a row error. */
async function contactResolver(db: Executor, ctx: WorkspaceCtx, refs: string[]): Promise<(ref: string) => ContactRef> {
  const wanted = [...new Set(refs.map((r) => r.trim().toLowerCase()).filter(Boolean))];
  const byEmail = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  await inBatches(wanted, async (batch) => {
    const list = inList(batch);
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
  });
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
        skipped = sameRecordSkip(rowKeys(c.record), existing, inFile);
        if (skipped) check.duplicateCount++;
        else valid.push({ line, record: c.record, contactId });
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
  return previewImport(ctx, async (db) => (await checkRows(db, ctx, entity, rows, lines, mapping)).check);
}

/** An effort's columns as the effort form stores them: typed fields in columns, the rest in details. */
function effortValues(ctx: WorkspaceCtx, id: string, input: EffortInput): NewEffort {
  return { ...effortColumns(input), id, workspaceId: ctx.workspaceId, createdBy: ctx.userId, hours: input.hours ?? 0 };
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
  return runImport(ctx, async (db) => {
    const { check, valid } = await checkRows(db, ctx, entity, rows, lines, mapping);
    if (entity === 'contacts') {
      const cadence = await defaultCadenceDays(db, ctx.workspaceId);
      const values = valid.flatMap(({ record }) => (record.entity === 'contacts' ? [importedContactRow(ctx, record.input, record.input.cadenceDays ?? cadence)] : []));
      await inBatches(values, (batch) => db.insert(contacts).values(batch));
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
      await inBatches(effortRows, (batch) => db.insert(efforts).values(batch));
      await inBatches(entries, (batch) => db.insert(timeEntries).values(batch));
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
      await inBatches(values, (batch) => db.insert(opportunities).values(batch));
    }
    await logActivity(db, ctx, `${entity === 'contacts' ? 'contact' : entity === 'efforts' ? 'effort' : 'opportunity'}.import_csv`, {
      imported: valid.length,
      rejected: check.invalidCount,
    });
    return { ...check, imported: valid.length };
  });
}
