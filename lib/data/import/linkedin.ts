import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts } from '@/db/schema';
import { linkedinKey, type LinkedinConnection, type LinkedinSkip } from '@/lib/import/linkedin';
import type { ContactInput } from '@/lib/schemas/contact';
import { inWorkspace, type WorkspaceCtx } from '../context';
import { defaultCadenceDays } from '../workspaces';
import { importedContactRow, inBatches, listSkips, logActivity, parseImportedContact, PREVIEW_ROWS, previewImport, runImport } from './common';

// LinkedIn's connections export: new people become LinkedIn contacts, known ones are refreshed.

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
  inserts: ContactInput[];
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
  const inserts: ContactInput[] = [];
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
      const parsed = parseImportedContact({
        name: c.name,
        email: c.email,
        company: c.company,
        role: c.role,
        linkedinUrl: c.linkedinUrl,
        channel: 'linkedin',
        metOn: c.metOn ?? '',
      });
      if (!parsed.success) {
        plan.skipped.push({ line: c.line, reason: parsed.error.issues[0]?.message ?? 'Not a valid contact' });
        continue;
      }
      const v = parsed.data;
      inserts.push(v);
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
  return { plan: { ...plan, ...listSkips(plan.skipped) }, inserts, updates };
}

/** What importing these connections would do: new, updated and skipped rows; writes nothing. */
export async function previewLinkedinImport(
  ctx: WorkspaceCtx,
  connections: LinkedinConnection[],
  skipped: LinkedinSkip[] = [],
): Promise<LinkedinPlan> {
  return previewImport(ctx, async (db) => (await planLinkedin(db, ctx, connections, skipped)).plan);
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
  return runImport(ctx, async (db) => {
    const { plan, inserts, updates } = await planLinkedin(db, ctx, connections, skipped);
    const cadenceDays = await defaultCadenceDays(db, ctx.workspaceId);
    await inBatches(
      inserts.map((v) => importedContactRow(ctx, v, cadenceDays)),
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
        .where(inWorkspace(contacts, u.id, ctx.workspaceId));
    }
    await logActivity(db, ctx, 'contact.import_linkedin', { created: plan.newCount, updated: plan.updatedCount });
    return plan;
  });
}
