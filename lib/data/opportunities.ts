import 'server-only';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { contacts, efforts, opportunities, type Stage } from '@/db/schema';
import { today } from '@/lib/dates';
import type { ActionFailure } from '@/lib/result';
import { assertCan } from '@/lib/permissions';
import {
  isClosedStage,
  STAGES,
  type OpportunityInput,
  type OpportunityKind,
  type OpportunityUpdate,
  type StageKey,
} from '@/lib/schemas/opportunity';
import { executor, inWorkspace, textIn, type WorkspaceCtx } from './context';


export const CONFLICT_MESSAGE =
  'This record was changed elsewhere. Reload the page to see the latest version, then make your change again.';
const NOT_FOUND_MESSAGE = 'This opportunity no longer exists. It may have been deleted.';

export interface OpportunityCard {
  id: string;
  title: string;
  kind: OpportunityKind;
  stage: StageKey;
  expectedValue: number;
  wonValue: number;
  openedOn: string;
  closedOn: string | null;
  contactId: string | null;
  contactName: string | null;
  version: number;
}

export interface OpportunityDetail extends OpportunityCard {
  effortId: string | null;
  effortTitle: string | null;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface BoardColumn {
  stage: StageKey;
  count: number;
  expectedSum: number;
  wonSum: number;
  cards: OpportunityCard[];
}

export const BOARD_COLUMN_LIMIT = 50;

// Joins only rows of the same workspace, so a stray foreign id can never surface another workspace's name.
const contactJoin = (ctx: WorkspaceCtx) =>
  and(eq(contacts.id, opportunities.contactId), eq(contacts.workspaceId, ctx.workspaceId));
const effortJoin = (ctx: WorkspaceCtx) =>
  and(eq(efforts.id, opportunities.effortId), eq(efforts.workspaceId, ctx.workspaceId));

const cardColumns = {
  id: opportunities.id,
  title: opportunities.title,
  kind: opportunities.kind,
  stage: opportunities.stage,
  expectedValue: opportunities.expectedValue,
  wonValue: opportunities.wonValue,
  openedOn: opportunities.openedOn,
  closedOn: opportunities.closedOn,
  contactId: opportunities.contactId,
  contactName: contacts.name,
  version: opportunities.version,
};

/** What the opportunities list is filtered by; its export filters the same way. */
export interface OpportunityFilters {
  stage?: StageKey;
  q?: string;
}

/** The list's conditions: a stage, text in the title or the contact's name (the query joins contacts). */
export function opportunityFilters(workspaceId: string, opts: OpportunityFilters): SQL[] {
  const where: SQL[] = [eq(opportunities.workspaceId, workspaceId)];
  if (opts.stage) where.push(eq(opportunities.stage, opts.stage));
  const text = textIn(opts.q, [opportunities.title, contacts.name]);
  if (text) where.push(text);
  return where;
}

/** Opportunities newest first, optionally in one stage or matching a search, 1 page after a cursor. */
export async function listOpportunities(
  ctx: WorkspaceCtx,
  opts: OpportunityFilters & { before?: { date: string; id: string }; limit: number },
): Promise<{ items: OpportunityCard[]; next: { date: string; id: string } | null }> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const limit = Math.min(Math.max(1, Math.floor(opts.limit)), 200);
  const where: (SQL | undefined)[] = opportunityFilters(ctx.workspaceId, opts);
  if (opts.before) {
    where.push(
      or(
        lt(opportunities.openedOn, opts.before.date),
        and(eq(opportunities.openedOn, opts.before.date), lt(opportunities.id, opts.before.id)),
      ),
    );
  }
  const rows = await db
    .select(cardColumns)
    .from(opportunities)
    .leftJoin(contacts, contactJoin(ctx))
    .where(and(...where))
    .orderBy(desc(opportunities.openedOn), desc(opportunities.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? { date: last.openedOn, id: last.id } : null };
}

/** Every stage with its count and sums (computed in SQL) and its newest cards, capped per stage. */
export async function getOpportunityBoard(ctx: WorkspaceCtx): Promise<BoardColumn[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const totals = await db
    .select({
      stage: opportunities.stage,
      count: sql<number>`count(*)`.mapWith(Number),
      expectedSum: sql<number>`coalesce(sum(${opportunities.expectedValue}), 0)`.mapWith(Number),
      wonSum: sql<number>`coalesce(sum(${opportunities.wonValue}), 0)`.mapWith(Number),
    })
    .from(opportunities)
    .where(eq(opportunities.workspaceId, ctx.workspaceId))
    .groupBy(opportunities.stage);

  const ranked = db
    .select({
      ...cardColumns,
      rank: sql<number>`row_number() over (partition by ${opportunities.stage} order by ${opportunities.openedOn} desc, ${opportunities.id} desc)`.as(
        'rank',
      ),
    })
    .from(opportunities)
    .leftJoin(contacts, contactJoin(ctx))
    .where(eq(opportunities.workspaceId, ctx.workspaceId))
    .as('ranked');
  const cards = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${BOARD_COLUMN_LIMIT}`)
    .orderBy(desc(ranked.openedOn), desc(ranked.id));

  return STAGES.map((stage) => {
    const t = totals.find((row) => row.stage === stage);
    return {
      stage,
      count: t?.count ?? 0,
      expectedSum: t?.expectedSum ?? 0,
      wonSum: t?.wonSum ?? 0,
      cards: cards
        .filter((c) => c.stage === stage)
        .map(({ rank: _rank, ...card }) => ({
          ...card,
          expectedValue: Number(card.expectedValue),
          wonValue: Number(card.wonValue),
        })),
    };
  });
}

/** One opportunity of the workspace with its contact's and effort's names, or null. */
export async function getOpportunity(ctx: WorkspaceCtx, id: string): Promise<OpportunityDetail | null> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const [row] = await db
    .select({
      ...cardColumns,
      effortId: opportunities.effortId,
      effortTitle: efforts.title,
      notes: opportunities.notes,
      createdAt: opportunities.createdAt,
      updatedAt: opportunities.updatedAt,
    })
    .from(opportunities)
    .leftJoin(contacts, contactJoin(ctx))
    .leftJoin(efforts, effortJoin(ctx))
    .where(inWorkspace(opportunities, id, ctx.workspaceId))
    .limit(1);
  return row ?? null;
}

export interface Choice {
  id: string;
  label: string;
}

/** Adds the `include` row, which `find` looks up in the workspace, when the list lacks it. */
async function keepIncluded<T extends { id: string }>(rows: T[], include: string | null | undefined, find: (id: string) => Promise<T[]>) {
  if (!include || rows.some((r) => r.id === include)) return;
  const [kept] = await find(include);
  if (kept) rows.push(kept);
}

/** Contacts to pick from: the 200 most recently added (or matching q), by name; `include` is always kept. */
export async function listContactChoices(ctx: WorkspaceCtx, opts: { q?: string; include?: string | null } = {}): Promise<Choice[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const where: (SQL | undefined)[] = [eq(contacts.workspaceId, ctx.workspaceId)];
  where.push(textIn(opts.q, [contacts.name, contacts.company]));
  const columns = { id: contacts.id, name: contacts.name, company: contacts.company };
  const rows = await db.select(columns).from(contacts).where(and(...where)).orderBy(desc(contacts.createdAt), desc(contacts.id)).limit(200);
  await keepIncluded(rows, opts.include, (id) => db.select(columns).from(contacts).where(inWorkspace(contacts, id, ctx.workspaceId)).limit(1));
  return rows
    .map((r) => ({ id: r.id, label: r.company ? `${r.name} (${r.company})` : r.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Efforts to pick from: the 200 most recent; `include` is always kept. */
export async function listEffortChoices(ctx: WorkspaceCtx, opts: { include?: string | null } = {}): Promise<Choice[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const columns = { id: efforts.id, title: efforts.title, date: efforts.date };
  const rows = await db.select(columns).from(efforts).where(eq(efforts.workspaceId, ctx.workspaceId)).orderBy(desc(efforts.date), desc(efforts.id)).limit(200);
  await keepIncluded(rows, opts.include, (id) => db.select(columns).from(efforts).where(inWorkspace(efforts, id, ctx.workspaceId)).limit(1));
  return rows.map((r) => ({ id: r.id, label: `${r.title} (${r.date})` }));
}

/** Field errors for linked ids that are not records of this workspace; checked in SQL. */
async function checkLinks(
  ctx: WorkspaceCtx,
  input: { contactId: string | null; effortId: string | null },
): Promise<ActionFailure | null> {
  const db = await executor(ctx);
  const fieldErrors: Record<string, string[]> = {};
  if (input.contactId) {
    const [found] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(inWorkspace(contacts, input.contactId, ctx.workspaceId))
      .limit(1);
    if (!found) fieldErrors.contactId = ['Choose a contact from this workspace'];
  }
  if (input.effortId) {
    const [found] = await db
      .select({ id: efforts.id })
      .from(efforts)
      .where(inWorkspace(efforts, input.effortId, ctx.workspaceId))
      .limit(1);
    if (!found) fieldErrors.effortId = ['Choose an effort from this workspace'];
  }
  return Object.keys(fieldErrors).length ? { ok: false, formError: 'Some fields need attention.', fieldErrors } : null;
}

/** The stored form of the stage rules: won value only when won, a closed date only when closed. */
function stageValues(input: Pick<OpportunityInput, 'stage' | 'wonValue' | 'openedOn' | 'closedOn'>) {
  const closed = isClosedStage(input.stage);
  const closedOn = closed ? (input.closedOn ?? (today() < input.openedOn ? input.openedOn : today())) : null;
  return { stage: input.stage, wonValue: input.stage === 'won' ? input.wonValue : 0, closedOn };
}

function recordValues(input: OpportunityInput) {
  return {
    title: input.title,
    kind: input.kind,
    contactId: input.contactId,
    effortId: input.effortId,
    expectedValue: input.expectedValue,
    openedOn: input.openedOn,
    notes: input.notes,
    ...stageValues(input),
  };
}

/** Creates an opportunity; linked contact and effort must belong to the workspace. */
export async function createOpportunity(ctx: WorkspaceCtx, input: OpportunityInput): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const invalid = await checkLinks(ctx, input);
  if (invalid) return invalid;
  const db = await executor(ctx);
  const [row] = await db
    .insert(opportunities)
    .values({ workspaceId: ctx.workspaceId, ...recordValues(input) })
    .returning({ id: opportunities.id });
  return row;
}

async function missingOrConflict(ctx: WorkspaceCtx, id: string): Promise<ActionFailure> {
  const db = await executor(ctx);
  const [exists] = await db
    .select({ id: opportunities.id })
    .from(opportunities)
    .where(inWorkspace(opportunities, id, ctx.workspaceId))
    .limit(1);
  return { ok: false, formError: exists ? CONFLICT_MESSAGE : NOT_FOUND_MESSAGE };
}

/** Saves an edit made on the given version; a stale version or a foreign id changes nothing. */
export async function updateOpportunity(ctx: WorkspaceCtx, input: OpportunityUpdate): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const invalid = await checkLinks(ctx, input);
  if (invalid) return invalid;
  const db = await executor(ctx);
  const [row] = await db
    .update(opportunities)
    .set({ ...recordValues(input), version: sql`${opportunities.version} + 1` })
    .where(
      and(
        eq(opportunities.id, input.id),
        eq(opportunities.workspaceId, ctx.workspaceId),
        eq(opportunities.version, input.version),
      ),
    )
    .returning({ id: opportunities.id });
  return row ?? missingOrConflict(ctx, input.id);
}

/**
 * Moves an opportunity to another stage without the edit form. Closing without a date closes it
 * today; winning without a won value takes the expected value; reopening clears both.
 */
export async function moveOpportunityStage(
  ctx: WorkspaceCtx,
  id: string,
  stage: Stage,
  version: number,
  wonValue = 0,
): Promise<{ id: string; stage: StageKey } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  const now = today();
  const [row] = await db
    .update(opportunities)
    .set({
      stage,
      closedOn: isClosedStage(stage)
        ? sql`coalesce(${opportunities.closedOn}, greatest(${opportunities.openedOn}, ${now}::date))`
        : null,
      wonValue:
        stage !== 'won'
          ? 0
          : wonValue > 0
            ? wonValue
            : sql`case when ${opportunities.wonValue} > 0 then ${opportunities.wonValue} else ${opportunities.expectedValue} end`,
      version: sql`${opportunities.version} + 1`,
    })
    .where(and(eq(opportunities.id, id), eq(opportunities.workspaceId, ctx.workspaceId), eq(opportunities.version, version)))
    .returning({ id: opportunities.id, stage: opportunities.stage });
  return row ?? missingOrConflict(ctx, id);
}

/** Deletes an opportunity of the workspace. */
export async function deleteOpportunity(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  const [row] = await db
    .delete(opportunities)
    .where(inWorkspace(opportunities, id, ctx.workspaceId))
    .returning({ id: opportunities.id });
  return row ?? { ok: false, formError: NOT_FOUND_MESSAGE };
}
