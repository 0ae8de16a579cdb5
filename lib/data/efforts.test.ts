import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, effortContacts, efforts, opportunities, timeEntries } from '@/db/schema';
import { isFailure, type ActionFailure } from '@/lib/result';
import { ForbiddenError } from '@/lib/permissions';
import { effortSchema, type EffortInput } from '@/lib/schemas/effort';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { addContactRow } from '@/test/records';
import type { WorkspaceCtx } from './context';
import {
  addTimeEntry,
  createEffort,
  deleteEffort,
  deleteTimeEntry,
  getEffort,
  listContactOptions,
  listEfforts,
  STALE_MESSAGE,
  updateEffort,
  updateTimeEntry,
} from './efforts';

const handle = testDatabase();
let alice: WorkspaceCtx;
let bob: WorkspaceCtx;
let aliceContacts: string[];
let bobContact: string;

const common = { date: '2026-03-12', hours: '2', moneySpent: '', notes: '', contactIds: [] as string[] };
const parse = (input: Record<string, unknown>): EffortInput => effortSchema.parse({ ...common, ...input });

const samples: Record<string, Record<string, unknown>> = {
  events: { channel: 'events', title: 'Chamber mixer', venue: 'The Anchor', drinks: '3', pitches: '4', usefulContacts: '1', moneySpent: '30' },
  organizations: {
    channel: 'organizations',
    title: 'Literacy Trust',
    orgKind: 'non_profit',
    cause: 'Adult literacy',
    contribution: 'Keeps the books',
    joinedOn: '2026-01-01',
    leftOn: '',
    yearlyDues: '120',
  },
  volunteering: { channel: 'volunteering', title: 'Café website', helped: 'Rosa', whatWasDone: 'WordPress fixes', skillUsed: 'Web' },
  stretch: { channel: 'stretch', title: 'Shop copy', field: 'E-commerce', client: 'Shoes Ltd', status: 'active', paidAmount: '400', similarity: 'unrelated', similarityReason: 'Not biotech' },
  interviews: { channel: 'interviews', title: 'Talk with Dana', person: 'Dana', company: 'Acme Bio', personRole: 'CTO', questions: '', learned: 'Hiring in spring', thankYouSent: false, followUpOn: '2026-04-01' },
  linkedin: { channel: 'linkedin', title: 'Weekly outreach', messages: '12', posts: '1', meetings: '2', connections: '30' },
  other: { channel: 'other', title: 'Meetup talk', otherLabel: 'Talk' },
};

async function create(ctx: WorkspaceCtx, input: Record<string, unknown>) {
  const result = await createEffort(ctx, parse(input));
  if (isFailure(result)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.id;
}

async function must<T>(p: Promise<T>): Promise<Exclude<T, ActionFailure>> {
  const r = await p;
  if (isFailure(r)) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r as Exclude<T, ActionFailure>;
}

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
  aliceContacts = [await addContactRow(handle, alice.workspaceId, 'Carla'), await addContactRow(handle, alice.workspaceId, 'Dev')];
  bobContact = await addContactRow(handle, bob.workspaceId, 'Bob’s client');
});

describe('efforts: create and read per channel', () => {
  for (const [channel, sample] of Object.entries(samples)) {
    it(`stores and reads back a ${channel} effort with its own fields`, async () => {
      const id = await create(alice, sample);
      const effort = (await getEffort(alice, id))!;
      expect(effort).toMatchObject({ channel, title: sample.title, date: '2026-03-12', hours: 2 });
      const expected = parse(sample) as unknown as Record<string, unknown>;
      for (const name of Object.keys(effort.fields)) expect(effort.fields[name], name).toEqual(expected[name]);
      expect(effort.timeEntries).toEqual([{ id: expect.any(String), date: '2026-03-12', hours: 2, note: '' }]);
    });
  }

  it('keeps the flagged values in typed columns the dashboard can aggregate', async () => {
    const id = await create(alice, samples.events);
    const [row] = await handle.db.select().from(efforts).where(eq(efforts.id, id));
    expect(row).toMatchObject({ drinks: 3, pitches: 4, usefulContacts: 1, moneySpent: 30, similarity: null });
    expect(row.details).toEqual({ venue: 'The Anchor' });
  });

  it('creates no time entry for an effort without hours', async () => {
    const id = await create(alice, { ...samples.other, hours: '' });
    expect((await getEffort(alice, id))!).toMatchObject({ hours: 0, timeEntries: [] });
  });

  it('links contacts of the workspace and refuses a contact of another workspace', async () => {
    const id = await create(alice, { ...samples.volunteering, contactIds: aliceContacts });
    expect((await getEffort(alice, id))!.contacts.map((c) => c.name)).toEqual(['Carla', 'Dev']);

    const before = (await handle.db.select().from(efforts).where(eq(efforts.workspaceId, alice.workspaceId))).length;
    const refused = await createEffort(alice, parse({ ...samples.volunteering, contactIds: [aliceContacts[0], bobContact] }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { contactIds: [expect.stringMatching(/not in this workspace/)] } });
    const after = (await handle.db.select().from(efforts).where(eq(efforts.workspaceId, alice.workspaceId))).length;
    expect(after).toBe(before);
    expect(await handle.db.select().from(effortContacts).where(eq(effortContacts.contactId, bobContact))).toEqual([]);
  });

  it('does not show another workspace’s effort', async () => {
    const id = await create(bob, samples.events);
    expect(await getEffort(alice, id)).toBeNull();
    expect(await getEffort(alice, 'not-an-id')).toBeNull();
    expect(await getEffort(bob, id)).not.toBeNull();
  });
});

describe('efforts: update', () => {
  it('updates fields, switches channel and clears the old channel’s columns', async () => {
    const id = await create(alice, samples.events);
    const result = await updateEffort(alice, id, { ...parse({ ...samples.stretch, title: 'Now a project' }), version: 1 });
    expect(result).toEqual({ id });
    const effort = (await getEffort(alice, id))!;
    expect(effort).toMatchObject({ channel: 'stretch', title: 'Now a project', version: 2, drinks: null, pitches: null, similarity: 'unrelated' });
    expect(effort.fields).toMatchObject({ field: 'E-commerce', paidAmount: 400 });
  });

  it('refuses a stale version and changes nothing', async () => {
    const id = await create(alice, samples.other);
    await must(updateEffort(alice, id, { ...parse({ ...samples.other, title: 'First edit' }), version: 1 }));
    const stale = await updateEffort(alice, id, { ...parse({ ...samples.other, title: 'Late edit' }), version: 1 });
    expect(stale).toEqual({ ok: false, formError: STALE_MESSAGE, fieldErrors: undefined });
    expect((await getEffort(alice, id))!.title).toBe('First edit');
  });

  it('refuses to update another workspace’s effort or to link its contacts', async () => {
    const bobsId = await create(bob, samples.other);
    const r = await updateEffort(alice, bobsId, { ...parse({ ...samples.other, title: 'Hijack' }), version: 1 });
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/no longer exists/) });
    expect((await getEffort(bob, bobsId))!.title).toBe('Meetup talk');

    const mine = await create(alice, samples.other);
    const r2 = await updateEffort(alice, mine, { ...parse({ ...samples.other, contactIds: [bobContact] }), version: 1 });
    expect(r2).toMatchObject({ ok: false, fieldErrors: { contactIds: [expect.any(String)] } });
    expect((await getEffort(alice, mine))!).toMatchObject({ version: 1, contacts: [] });
  });

  it('replaces the contact list', async () => {
    const id = await create(alice, { ...samples.other, contactIds: aliceContacts });
    await must(updateEffort(alice, id, { ...parse({ ...samples.other, contactIds: [aliceContacts[1]] }), version: 1 }));
    expect((await getEffort(alice, id))!.contacts.map((c) => c.name)).toEqual(['Dev']);
  });

  it('edits the only time entry through the hours field, and ignores it with several entries', async () => {
    const id = await create(alice, samples.other);
    await must(updateEffort(alice, id, { ...parse({ ...samples.other, hours: '5', date: '2026-03-14' }), version: 1 }));
    let effort = (await getEffort(alice, id))!;
    expect(effort.hours).toBe(5);
    expect(effort.timeEntries).toMatchObject([{ hours: 5, date: '2026-03-14' }]);

    await must(addTimeEntry(alice, id, { date: '2026-03-20', hours: 1.5, note: '' }));
    effort = (await getEffort(alice, id))!;
    await must(updateEffort(alice, id, { ...parse({ ...samples.other, hours: '9' }), version: effort.version }));
    effort = (await getEffort(alice, id))!;
    expect(effort.hours).toBe(6.5);
    expect(effort.timeEntries.map((e) => e.hours)).toEqual([1.5, 5]);
  });

  it('creates the first entry when hours are added to an effort without any', async () => {
    const id = await create(alice, { ...samples.other, hours: '' });
    await must(updateEffort(alice, id, { ...parse({ ...samples.other, hours: '1.25' }), version: 1 }));
    expect((await getEffort(alice, id))!).toMatchObject({ hours: 1.25, timeEntries: [{ hours: 1.25 }] });
  });
});

describe('efforts: time entries keep hours equal to their sum', () => {
  it('adds, edits and deletes entries', async () => {
    const id = await create(alice, { ...samples.organizations, hours: '2' });
    const added = await must(addTimeEntry(alice, id, { date: '2026-04-01', hours: 3, note: 'Board meeting' }));
    expect((await getEffort(alice, id))!.hours).toBe(5);
    await must(updateTimeEntry(alice, added.id, { date: '2026-04-02', hours: 4.5, note: 'Board meeting, long' }));
    let effort = (await getEffort(alice, id))!;
    expect(effort.hours).toBe(6.5);
    expect(effort.timeEntries[0]).toMatchObject({ date: '2026-04-02', hours: 4.5, note: 'Board meeting, long' });
    await must(deleteTimeEntry(alice, effort.timeEntries[1].id));
    effort = (await getEffort(alice, id))!;
    expect(effort.hours).toBe(4.5);
    const [{ sum }] = await handle.db
      .select({ sum: sql<string>`sum(${timeEntries.hours})` })
      .from(timeEntries)
      .where(eq(timeEntries.effortId, id));
    expect(Number(sum)).toBe(4.5);
  });

  it('moves the effort’s version so an open edit form cannot overwrite the new hours', async () => {
    const id = await create(alice, samples.other);
    await must(addTimeEntry(alice, id, { date: '2026-03-13', hours: 1, note: '' }));
    const stale = await updateEffort(alice, id, { ...parse(samples.other), version: 1 });
    expect(stale).toMatchObject({ ok: false, formError: STALE_MESSAGE });
  });

  it('refuses an entry that would take the effort past 10,000 hours in all', async () => {
    const id = await create(alice, { ...samples.organizations, hours: '' });
    await handle.db
      .insert(timeEntries)
      .values(Array.from({ length: 416 }, () => ({ workspaceId: alice.workspaceId, effortId: id, date: '2026-01-01', hours: 24 })));
    await must(addTimeEntry(alice, id, { date: '2026-01-02', hours: 16, note: '' }));
    expect((await getEffort(alice, id))!.hours).toBe(10_000);
    const refused = await addTimeEntry(alice, id, { date: '2026-01-03', hours: 0.5, note: '' });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { hours: [expect.stringMatching(/at most 10,000 hours/)] } });
    const effort = (await getEffort(alice, id))!;
    expect(effort.hours).toBe(10_000);
    expect(effort.timeEntries).toHaveLength(417);
  });

  it('refuses entries on another workspace’s effort and edits of its entries', async () => {
    const bobsId = await create(bob, samples.other);
    const bobsEntry = (await getEffort(bob, bobsId))!.timeEntries[0];
    expect(await addTimeEntry(alice, bobsId, { date: '2026-03-13', hours: 1, note: '' })).toMatchObject({ ok: false });
    expect(await updateTimeEntry(alice, bobsEntry.id, { date: '2026-03-13', hours: 9, note: '' })).toMatchObject({ ok: false });
    expect(await deleteTimeEntry(alice, bobsEntry.id)).toMatchObject({ ok: false });
    expect((await getEffort(bob, bobsId))!).toMatchObject({ hours: 2, timeEntries: [{ hours: 2 }] });
  });
});

describe('efforts: delete', () => {
  it('deletes the effort and its entries, keeps contacts and unassigns opportunities', async () => {
    const id = await create(alice, { ...samples.stretch, contactIds: [aliceContacts[0]] });
    await handle.db.update(contacts).set({ metThroughEffortId: id, channel: 'stretch' }).where(eq(contacts.id, aliceContacts[0]));
    const [opp] = await handle.db
      .insert(opportunities)
      .values({ workspaceId: alice.workspaceId, title: 'Paid project', kind: 'gig', effortId: id, openedOn: '2026-03-15' })
      .returning({ id: opportunities.id });
    expect((await getEffort(alice, id))!.opportunities).toEqual([{ id: opp.id, title: 'Paid project', stage: 'lead' }]);

    expect(await deleteEffort(alice, id)).toEqual({ id });
    expect(await getEffort(alice, id)).toBeNull();
    expect(await handle.db.select().from(timeEntries).where(eq(timeEntries.effortId, id))).toEqual([]);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, aliceContacts[0]));
    expect(contact).toMatchObject({ name: 'Carla', metThroughEffortId: null, channel: 'stretch' });
    const [o] = await handle.db.select().from(opportunities).where(eq(opportunities.id, opp.id));
    expect(o.effortId).toBeNull();
  });

  it('refuses to delete another workspace’s effort', async () => {
    const bobsId = await create(bob, samples.other);
    expect(await deleteEffort(alice, bobsId)).toMatchObject({ ok: false });
    expect(await getEffort(bob, bobsId)).not.toBeNull();
  });
});

describe('efforts: roles', () => {
  it('refuses every write to coaches and viewers, and lets them read', async () => {
    const id = await create(alice, samples.other);
    const entry = (await getEffort(alice, id))!.timeEntries[0];
    for (const role of ['coach', 'viewer'] as const) {
      const ctx = { ...alice, role };
      await expect(createEffort(ctx, parse(samples.other))).rejects.toThrow(ForbiddenError);
      await expect(updateEffort(ctx, id, { ...parse(samples.other), version: 1 })).rejects.toThrow(ForbiddenError);
      await expect(deleteEffort(ctx, id)).rejects.toThrow(ForbiddenError);
      await expect(addTimeEntry(ctx, id, { date: '2026-03-13', hours: 1, note: '' })).rejects.toThrow(ForbiddenError);
      await expect(updateTimeEntry(ctx, entry.id, { date: '2026-03-13', hours: 1, note: '' })).rejects.toThrow(ForbiddenError);
      await expect(deleteTimeEntry(ctx, entry.id)).rejects.toThrow(ForbiddenError);
      expect((await getEffort(ctx, id))!.title).toBe('Meetup talk');
    }
    const editor = { ...alice, role: 'editor' as const };
    expect(await deleteEffort(editor, id)).toEqual({ id });
  });
});

describe('efforts: list, filter, search and pages', () => {
  let carol: WorkspaceCtx;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    carol = await signUpOwner('Carol');
    ids.old = await create(carol, { ...samples.events, title: 'Old mixer', date: '2025-12-01' });
    ids.percent = await create(carol, { ...samples.other, title: '100% focus day', date: '2026-01-10' });
    ids.under = await create(carol, { ...samples.other, title: 'snake_case workshop', date: '2026-01-11', notes: 'learned a lot' });
    ids.notes = await create(carol, { ...samples.interviews, title: 'Coffee', date: '2026-02-01', notes: 'Mentioned the Mixer next week' });
    // Same date for several rows: the id breaks the tie.
    for (let i = 0; i < 5; i++) ids[`same${i}`] = await create(carol, { ...samples.linkedin, title: `Outreach ${i}`, date: '2026-03-01' });
    await create(bob, { ...samples.events, title: 'Bob mixer', date: '2026-01-05' });
  });

  it('lists newest first and only this workspace', async () => {
    const page = await listEfforts(carol, { limit: 50 });
    expect(page.items).toHaveLength(9);
    const dates = page.items.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.items.some((e) => e.title === 'Bob mixer')).toBe(false);
    expect(page).toMatchObject({ olderCursor: null, newerCursor: null });
  });

  it('filters by channel and date range', async () => {
    expect((await listEfforts(carol, { channel: 'events', limit: 50 })).items.map((e) => e.title)).toEqual(['Old mixer']);
    const jan = await listEfforts(carol, { from: '2026-01-10', to: '2026-01-11', limit: 50 });
    expect(jan.items.map((e) => e.title)).toEqual(['snake_case workshop', '100% focus day']);
  });

  it('searches title and notes, treating % and _ literally', async () => {
    const mixer = await listEfforts(carol, { q: 'mixer', limit: 50 });
    expect(mixer.items.map((e) => e.title).sort()).toEqual(['Coffee', 'Old mixer']);
    expect((await listEfforts(carol, { q: '%', limit: 50 })).items.map((e) => e.title)).toEqual(['100% focus day']);
    expect((await listEfforts(carol, { q: '_', limit: 50 })).items.map((e) => e.title)).toEqual(['snake_case workshop']);
    expect((await listEfforts(carol, { q: 'LEARNED', limit: 50 })).items.map((e) => e.title)).toEqual(['snake_case workshop']);
  });

  it('pages by keyset without gaps or repeats, forwards and back', async () => {
    const all = (await listEfforts(carol, { limit: 50 })).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages = [];
    do {
      const page = await listEfforts(carol, { limit: 2, before: cursor });
      pages.push(page);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.olderCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(pages).toHaveLength(5);
    expect(pages[0].newerCursor).toBeNull();
    expect(pages[1].newerCursor).not.toBeNull();

    const back = await listEfforts(carol, { limit: 2, after: pages[2].newerCursor! });
    expect(back.items.map((e) => e.id)).toEqual(pages[1].items.map((e) => e.id));
    expect(back.newerCursor).not.toBeNull();
    expect(back.olderCursor).not.toBeNull();
    const first = await listEfforts(carol, { limit: 2, after: pages[1].newerCursor! });
    expect(first.items.map((e) => e.id)).toEqual(pages[0].items.map((e) => e.id));
    expect(first.newerCursor).toBeNull();
  });

  it('ignores a malformed cursor', async () => {
    const page = await listEfforts(carol, { limit: 3, before: "2026-01-01_'; drop table efforts; --" });
    expect(page.items).toHaveLength(3);
  });

  it('offers only this workspace’s contacts, including linked ones beyond the recent list', async () => {
    const options = await listContactOptions(alice, { limit: 1, include: [aliceContacts[0], bobContact] });
    const names = options.map((c) => c.name);
    expect(names).toContain('Carla');
    expect(names).not.toContain('Bob’s client');
  });
});
