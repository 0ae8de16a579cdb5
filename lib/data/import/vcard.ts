import 'server-only';
import type { Executor } from '@/db';
import { contacts, type Channel } from '@/db/schema';
import type { LinkedinSkip } from '@/lib/import/linkedin';
import type { ImportRecord } from '@/lib/import/mapping';
import type { VcardContact } from '@/lib/import/vcard';
import type { ContactInput } from '@/lib/schemas/contact';
import type { WorkspaceCtx } from '../context';
import { importedContactRow, inBatches, listSkips, logActivity, parseImportedContact, PREVIEW_ROWS, previewImport, runImport } from './common';
import { existingKeys, rowKeys, sameRecordSkip } from './same-record';

// Contact cards (.vcf) from a phone's or a mail program's address book.

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
): Promise<{ plan: VcardPlan; inserts: ContactInput[] }> {
  const records: { line: number; record: ImportRecord & { entity: 'contacts' } }[] = [];
  const skippedCards: LinkedinSkip[] = [...fileSkips];
  for (const card of cards) {
    const parsed = parseImportedContact({
      name: card.name,
      email: card.email,
      phone: card.phone,
      company: card.company,
      role: card.role,
      linkedinUrl: card.linkedinUrl,
      notes: card.notes,
      channel: options.channel ?? '',
      metOn: options.metOn ?? '',
    });
    if (parsed.success) records.push({ line: card.line, record: { entity: 'contacts', input: parsed.data } });
    else skippedCards.push({ line: card.line, reason: parsed.error.issues[0]?.message ?? 'Not a valid contact' });
  }
  const existing = await existingKeys(
    db,
    ctx,
    'contacts',
    records.map((r) => r.record),
  );
  const inFile = new Set<string>();
  const inserts: ContactInput[] = [];
  const sample: VcardPlan['sample'] = [];
  for (const { line, record } of records) {
    const skipped = sameRecordSkip(rowKeys(record), existing, inFile);
    const v = record.input;
    if (skipped) skippedCards.push({ line, reason: skipped });
    else inserts.push(v);
    if (sample.length < PREVIEW_ROWS) {
      sample.push({ line, name: v.name, email: v.email, company: v.company, role: v.role, ...(skipped ? { skipped } : {}) });
    }
  }
  return { plan: { newCount: inserts.length, sample, ...listSkips(skippedCards) }, inserts };
}

/** What importing these cards would do: who is new and who is left out, and why; writes nothing. */
export async function previewVcardImport(
  ctx: WorkspaceCtx,
  cards: VcardContact[],
  skipped: LinkedinSkip[],
  options: VcardOptions,
): Promise<VcardPlan> {
  return previewImport(ctx, async (db) => (await planVcards(db, ctx, cards, skipped, options)).plan);
}

/** Adds the people on the cards who are not here yet, all in one transaction. */
export async function importVcards(ctx: WorkspaceCtx, cards: VcardContact[], skipped: LinkedinSkip[], options: VcardOptions): Promise<VcardPlan> {
  return runImport(ctx, async (db) => {
    const { plan, inserts } = await planVcards(db, ctx, cards, skipped, options);
    await inBatches(
      inserts.map((v) => importedContactRow(ctx, v)),
      (batch) => db.insert(contacts).values(batch),
    );
    await logActivity(db, ctx, 'contact.import_vcard', { created: plan.newCount, skipped: plan.skippedCount });
    return plan;
  });
}
