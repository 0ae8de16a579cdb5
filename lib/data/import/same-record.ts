import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts, efforts, opportunities } from '@/db/schema';
import { linkedinKey } from '@/lib/import/linkedin';
import type { ImportEntity, ImportRecord } from '@/lib/import/mapping';
import type { WorkspaceCtx } from '../context';
import { inBatches, inList } from './common';

// Importing the same file twice, or rows already entered by hand, adds nothing twice.

export const ALREADY_HERE = 'Already in this workspace: left out';
export const LISTED_TWICE = 'Listed earlier in the file: left out';

const lower = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();

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

/** The same-record keys of one checked row of a file. */
export function rowKeys(record: ImportRecord): string[] {
  if (record.entity === 'contacts') return sameRecordKeys({ entity: 'contacts', ...record.input });
  if (record.entity === 'efforts') return sameRecordKeys({ entity: 'efforts', ...record.input });
  return sameRecordKeys({ entity: 'opportunities', ...record.input });
}

/** The same-record keys of what the workspace already holds that rows of this file could match. */
export async function existingKeys(db: Executor, ctx: WorkspaceCtx, entity: ImportEntity, records: ImportRecord[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const add = (rows: Parameters<typeof sameRecordKeys>[0][]) => {
    for (const r of rows) for (const k of sameRecordKeys(r)) keys.add(k);
  };
  if (records.length === 0) return keys;
  if (entity === 'contacts') {
    const fields = { name: contacts.name, company: contacts.company, email: contacts.email, linkedinUrl: contacts.linkedinUrl };
    const read = async (where: SQL) =>
      add((await db.select(fields).from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), where))).map((r) => ({ entity: 'contacts', ...r })));
    // Every contact with an e-mail or LinkedIn address, as the LinkedIn import reads them, then the namesakes.
    await read(sql`(${contacts.email} <> '' or ${contacts.linkedinUrl} <> '')`);
    const names = [...new Set(records.flatMap((r) => (r.entity === 'contacts' ? [lower(r.input.name)] : [])))];
    await inBatches(names, (batch) => read(sql`lower(${contacts.name}) in (${inList(batch)})`));
    return keys;
  }
  const dates = [...new Set(records.flatMap((r) => (r.entity === 'efforts' ? [r.input.date] : r.entity === 'opportunities' ? [r.input.openedOn] : [])))];
  await inBatches(dates, async (batch) => {
    if (entity === 'efforts') {
      const rows = await db
        .select({ date: efforts.date, channel: efforts.channel, title: efforts.title })
        .from(efforts)
        .where(and(eq(efforts.workspaceId, ctx.workspaceId), sql`${efforts.date} in (${inList(batch)})`));
      add(rows.map((r) => ({ entity: 'efforts', ...r })));
    } else {
      const rows = await db
        .select({ openedOn: opportunities.openedOn, title: opportunities.title })
        .from(opportunities)
        .where(and(eq(opportunities.workspaceId, ctx.workspaceId), sql`${opportunities.openedOn} in (${inList(batch)})`));
      add(rows.map((r) => ({ entity: 'opportunities', ...r })));
    }
  });
  return keys;
}

/** Why a row with these keys is left out (already here, or earlier in the file), or undefined; remembers its keys. */
export function sameRecordSkip(keys: string[], existing: Set<string>, inFile: Set<string>): string | undefined {
  const skipped = keys.some((k) => existing.has(k)) ? ALREADY_HERE : keys.some((k) => inFile.has(k)) ? LISTED_TWICE : undefined;
  for (const k of keys) inFile.add(k);
  return skipped;
}
