import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { contacts, opportunities } from '@/db/schema';
import { today } from '@/lib/dates';
import { ForbiddenError } from '@/lib/permissions';
import { opportunitySchema, type OpportunityInput } from '@/lib/schemas/opportunity';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { addContactRow, addEffortRow } from '@/test/records';
import type { WorkspaceCtx } from './context';
import {
  CONFLICT_MESSAGE,
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  getOpportunityBoard,
  listContactChoices,
  listOpportunities,
  moveOpportunityStage,
  updateOpportunity,
} from './opportunities';

const handle = testDatabase();
let alice: WorkspaceCtx;
let bob: WorkspaceCtx;
let aliceContact: string;
let aliceEffort: string;
let bobContact: string;
let bobEffort: string;

function input(overrides: Partial<OpportunityInput> = {}): OpportunityInput {
  return {
    title: 'Menu redesign',
    kind: 'client',
    contactId: null,
    effortId: null,
    stage: 'lead',
    expectedValue: 1000,
    wonValue: 0,
    openedOn: '2026-03-01',
    closedOn: null,
    notes: '',
    ...overrides,
  };
}

async function create(ctx: WorkspaceCtx, overrides: Partial<OpportunityInput> = {}): Promise<string> {
  const r = await createOpportunity(ctx, input(overrides));
  if ('ok' in r) throw new Error(`create failed: ${JSON.stringify(r)}`);
  return r.id;
}

async function seedLinks(ctx: WorkspaceCtx, name: string) {
  const contactId = await addContactRow(handle, ctx.workspaceId, name);
  const effortId = await addEffortRow(handle, ctx.workspaceId, { title: `${name}'s mixer`, date: '2026-02-01' });
  return { contactId, effortId };
}

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
  ({ contactId: aliceContact, effortId: aliceEffort } = await seedLinks(alice, 'Dana'));
  ({ contactId: bobContact, effortId: bobEffort } = await seedLinks(bob, 'Eve'));
});

describe('opportunities', () => {
  it('creates, reads, updates and deletes an opportunity linked to a contact and an effort', async () => {
    const id = await create(alice, { contactId: aliceContact, effortId: aliceEffort, notes: 'Met at the mixer' });
    const got = await getOpportunity(alice, id);
    expect(got).toMatchObject({
      title: 'Menu redesign',
      contactName: 'Dana',
      effortTitle: "Dana's mixer",
      stage: 'lead',
      expectedValue: 1000,
      version: 1,
    });

    const updated = await updateOpportunity(alice, { ...input({ title: 'Full site', stage: 'talking' }), id, version: 1 });
    expect(updated).not.toHaveProperty('ok');
    expect(await getOpportunity(alice, id)).toMatchObject({ title: 'Full site', stage: 'talking', contactId: null, version: 2 });

    expect(await deleteOpportunity(alice, id)).toEqual({ id });
    expect(await getOpportunity(alice, id)).toBeNull();
  });

  it('stores won value only when won, and a closed date only when closed', async () => {
    const id = await create(alice, { stage: 'lost', wonValue: 500, closedOn: '2026-03-05' });
    expect(await getOpportunity(alice, id)).toMatchObject({ wonValue: 0, closedOn: '2026-03-05' });
    await updateOpportunity(alice, { ...input({ stage: 'talking', wonValue: 500, closedOn: '2026-03-05' }), id, version: 1 });
    expect(await getOpportunity(alice, id)).toMatchObject({ wonValue: 0, closedOn: null });
    await updateOpportunity(alice, { ...input({ stage: 'won', wonValue: 800, closedOn: null }), id, version: 2 });
    expect(await getOpportunity(alice, id)).toMatchObject({ stage: 'won', wonValue: 800, closedOn: today() });
    await deleteOpportunity(alice, id);
  });

  it('refuses another workspace’s contact or effort as a link and writes nothing', async () => {
    const before = await handle.db.$count(opportunities, eq(opportunities.workspaceId, alice.workspaceId));
    const r = await createOpportunity(alice, input({ contactId: bobContact, effortId: bobEffort }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { contactId: [expect.any(String)], effortId: [expect.any(String)] } });
    expect(await handle.db.$count(opportunities, eq(opportunities.workspaceId, alice.workspaceId))).toBe(before);

    const id = await create(alice);
    const u = await updateOpportunity(alice, { ...input({ contactId: bobContact }), id, version: 1 });
    expect(u).toMatchObject({ ok: false, fieldErrors: { contactId: [expect.any(String)] } });
    expect((await getOpportunity(alice, id))?.contactId).toBeNull();
    await deleteOpportunity(alice, id);
  });

  it('treats another workspace’s opportunity as not found for read, update, move and delete', async () => {
    const bobsId = await create(bob, { title: 'Bob secret deal' });
    expect(await getOpportunity(alice, bobsId)).toBeNull();
    expect(await updateOpportunity(alice, { ...input({ title: 'Hijacked' }), id: bobsId, version: 1 })).toMatchObject({ ok: false });
    expect(await moveOpportunityStage(alice, bobsId, 'won', 1)).toMatchObject({ ok: false });
    expect(await deleteOpportunity(alice, bobsId)).toMatchObject({ ok: false });
    expect(await getOpportunity(bob, bobsId)).toMatchObject({ title: 'Bob secret deal', stage: 'lead', version: 1 });
    expect((await listOpportunities(alice, { limit: 50 })).items.map((o) => o.id)).not.toContain(bobsId);
  });

  it('refuses writes from coaches and viewers, and lets them read', async () => {
    const id = await create(alice, { title: 'Read-only check' });
    for (const role of ['coach', 'viewer'] as const) {
      const ctx = { ...alice, role };
      await expect(createOpportunity(ctx, input())).rejects.toThrow(ForbiddenError);
      await expect(updateOpportunity(ctx, { ...input(), id, version: 1 })).rejects.toThrow(ForbiddenError);
      await expect(moveOpportunityStage(ctx, id, 'won', 1)).rejects.toThrow(ForbiddenError);
      await expect(deleteOpportunity(ctx, id)).rejects.toThrow(ForbiddenError);
      expect(await getOpportunity(ctx, id)).toMatchObject({ title: 'Read-only check' });
    }
    await deleteOpportunity(alice, id);
  });

  it('moves through stages, closing on won and reopening, with version checks', async () => {
    const id = await create(alice, { expectedValue: 4000 });
    expect(await moveOpportunityStage(alice, id, 'talking', 1)).toMatchObject({ stage: 'talking' });
    expect(await moveOpportunityStage(alice, id, 'proposal', 1)).toEqual({ ok: false, formError: CONFLICT_MESSAGE });
    expect((await getOpportunity(alice, id))?.stage).toBe('talking');
    await moveOpportunityStage(alice, id, 'proposal', 2);
    await moveOpportunityStage(alice, id, 'won', 3);
    // Winning without a won value takes the expected one; the closed date defaults to today.
    expect(await getOpportunity(alice, id)).toMatchObject({ stage: 'won', wonValue: 4000, closedOn: today(), version: 4 });
    await moveOpportunityStage(alice, id, 'lead', 4);
    expect(await getOpportunity(alice, id)).toMatchObject({ stage: 'lead', wonValue: 0, closedOn: null });
    // A value given with the move to Won is what was won.
    await moveOpportunityStage(alice, id, 'won', 5, 5250.5);
    expect(await getOpportunity(alice, id)).toMatchObject({ stage: 'won', wonValue: 5250.5 });
    await deleteOpportunity(alice, id);
  });

  it('refuses an edit made on a stale version', async () => {
    const id = await create(alice);
    await updateOpportunity(alice, { ...input({ title: 'First edit' }), id, version: 1 });
    const stale = await updateOpportunity(alice, { ...input({ title: 'Second edit' }), id, version: 1 });
    expect(stale).toEqual({ ok: false, formError: CONFLICT_MESSAGE });
    expect((await getOpportunity(alice, id))?.title).toBe('First edit');
    await deleteOpportunity(alice, id);
  });

  it('counts and sums each board column in SQL and caps the cards per column', async () => {
    const ctx = bob;
    await handle.db.delete(opportunities).where(eq(opportunities.workspaceId, ctx.workspaceId));
    await create(ctx, { stage: 'lead', expectedValue: 100 });
    await create(ctx, { stage: 'lead', expectedValue: 250.5 });
    await create(ctx, { stage: 'proposal', expectedValue: 1000 });
    await create(ctx, { stage: 'won', expectedValue: 2000, wonValue: 1800, closedOn: '2026-03-09' });
    await handle.db.insert(opportunities).values(
      Array.from({ length: 52 }, (_, i) => ({
        workspaceId: ctx.workspaceId,
        title: `Cold lead ${i}`,
        kind: 'gig' as const,
        stage: 'lost' as const,
        expectedValue: 10,
        openedOn: '2025-01-01',
        closedOn: '2025-02-01',
      })),
    );
    const board = await getOpportunityBoard(ctx);
    const byStage = Object.fromEntries(board.map((c) => [c.stage, c]));
    expect(board.map((c) => c.stage)).toEqual(['lead', 'talking', 'proposal', 'won', 'lost']);
    expect(byStage.lead).toMatchObject({ count: 2, expectedSum: 350.5 });
    expect(byStage.lead.cards).toHaveLength(2);
    expect(byStage.talking).toMatchObject({ count: 0, expectedSum: 0, cards: [] });
    expect(byStage.won).toMatchObject({ count: 1, expectedSum: 2000, wonSum: 1800 });
    expect(byStage.lost.count).toBe(52);
    expect(byStage.lost.expectedSum).toBe(520);
    expect(byStage.lost.cards).toHaveLength(50);
    // Alice's own board knows nothing of Bob's.
    const aliceBoard = await getOpportunityBoard(alice);
    expect(aliceBoard.find((c) => c.stage === 'lost')?.cards.some((c) => c.title.startsWith('Cold lead'))).toBe(false);
  });

  it('lists by stage and search with keyset pages that neither repeat nor skip', async () => {
    const ctx = bob;
    const all: string[] = [];
    let before: { date: string; id: string } | undefined;
    for (let page = 0; page < 5; page++) {
      const r = await listOpportunities(ctx, { stage: 'lost', limit: 20, before });
      all.push(...r.items.map((o) => o.id));
      if (!r.next) break;
      before = r.next;
    }
    expect(all).toHaveLength(52);
    expect(new Set(all).size).toBe(52);

    expect((await listOpportunities(ctx, { q: 'cold lead 5', limit: 50 })).items.map((o) => o.title).sort()).toEqual([
      'Cold lead 5',
      'Cold lead 50',
      'Cold lead 51',
    ]);
    // Wildcards typed by a user are matched literally.
    expect((await listOpportunities(ctx, { q: '%', limit: 50 })).items).toHaveLength(0);
  });

  it('finds opportunities by the name of the contact who brought them', async () => {
    const id = await create(alice, { title: 'Copywriting retainer', contactId: aliceContact });
    const r = await listOpportunities(alice, { q: 'dana', limit: 50 });
    expect(r.items.map((o) => o.id)).toContain(id);
    expect(r.items.find((o) => o.id === id)?.contactName).toBe('Dana');
    await deleteOpportunity(alice, id);
  });

  it('offers only the workspace’s own contacts as choices', async () => {
    const choices = await listContactChoices(alice, { include: bobContact });
    expect(choices.map((c) => c.id)).toEqual([aliceContact]);
  });

  it('clears the link, not the opportunity, when its contact is deleted', async () => {
    const id = await create(alice, { contactId: aliceContact });
    const [extra] = await handle.db.insert(contacts).values({ workspaceId: alice.workspaceId, name: 'Temp' }).returning();
    await updateOpportunity(alice, { ...opportunitySchema.parse({ ...input(), contactId: extra.id, expectedValue: '1' }), id, version: 1 });
    await handle.db.delete(contacts).where(and(eq(contacts.id, extra.id), eq(contacts.workspaceId, alice.workspaceId)));
    expect(await getOpportunity(alice, id)).toMatchObject({ contactId: null, contactName: null });
    await deleteOpportunity(alice, id);
  });
});
