import 'server-only';
import { eq } from 'drizzle-orm';
import { linkedinChecklists } from '@/db/schema';
import { assertCan } from '@/lib/permissions';
import { LINKEDIN_ITEMS } from '@/lib/schemas/effort-options';
import type { LinkedinChecklistInput } from '@/lib/schemas/linkedin-checklist';
import { executor, type WorkspaceCtx } from './context';

export interface LinkedinChecklist extends LinkedinChecklistInput {
  /** How many of the five items are done. */
  done: number;
  total: number;
  /** What the profile still lacks, in words ("affiliations", "hobbies"), in checklist order. */
  missing: string[];
}

const columns = {
  summary: linkedinChecklists.summary,
  workHistory: linkedinChecklists.workHistory,
  affiliations: linkedinChecklists.affiliations,
  degrees: linkedinChecklists.degrees,
  hobbies: linkedinChecklists.hobbies,
};

function summarise(items: LinkedinChecklistInput): LinkedinChecklist {
  const missing = LINKEDIN_ITEMS.filter((i) => !items[i.key]).map((i) => i.missing);
  return { ...items, done: LINKEDIN_ITEMS.length - missing.length, total: LINKEDIN_ITEMS.length, missing };
}

/** The workspace's LinkedIn profile checklist; all unticked until first saved. */
export async function getLinkedinChecklist(ctx: WorkspaceCtx): Promise<LinkedinChecklist> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const [row] = await db.select(columns).from(linkedinChecklists).where(eq(linkedinChecklists.workspaceId, ctx.workspaceId)).limit(1);
  return summarise(row ?? { summary: false, workHistory: false, affiliations: false, degrees: false, hobbies: false });
}

/** Saves the whole checklist for the workspace. */
export async function saveLinkedinChecklist(ctx: WorkspaceCtx, input: LinkedinChecklistInput): Promise<LinkedinChecklist> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  const values = {
    summary: input.summary,
    workHistory: input.workHistory,
    affiliations: input.affiliations,
    degrees: input.degrees,
    hobbies: input.hobbies,
  };
  const [row] = await db
    .insert(linkedinChecklists)
    .values({ workspaceId: ctx.workspaceId, ...values })
    .onConflictDoUpdate({ target: linkedinChecklists.workspaceId, set: values })
    .returning(columns);
  return summarise(row);
}
