import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, effortContacts, efforts, interactions, opportunities } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { contactSchema, type ContactFormInput } from '@/lib/schemas/contact';
import { isFailure } from '@/lib/result';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { contactForm, unwrap } from '@/test/records';
import {
  countGoingCold,
  createContact,
  deleteContact,
  getContact,
  listContactChoices,
  listContactEfforts,
  listContactOpportunities,
  listContacts,
  listContactTags,
  listGoingCold,
  listMeetingEffortChoices,
  STALE_MESSAGE,
  updateContact,
} from './contacts';
import { createInteraction } from './interactions';

const handle = testDatabase();
type Ctx = { userId: string; workspaceId: string; role: 'owner' | 'editor' | 'coach' | 'viewer' };
let alice: Ctx;
let bob: Ctx;
let aliceEvent: string;
let aliceClub: string;
let bobEffort: string;

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
  const rows = await handle.db
    .insert(efforts)
    .values([
      { workspaceId: alice.workspaceId, channel: 'events', title: 'Spring mixer', date: '2026-03-01' },
      { workspaceId: alice.workspaceId, channel: 'organizations', title: 'Book club treasurer', date: '2026-01-10' },
      { workspaceId: bob.workspaceId, channel: 'volunteering', title: "Bob's favor", date: '2026-02-01' },
    ])
    .returning({ id: efforts.id });
  [aliceEvent, aliceClub, bobEffort] = rows.map((r) => r.id);
});

function input(overrides: Partial<ContactFormInput> = {}) {
  return contactSchema.parse(contactForm('Dana Reyes', overrides));
}

async function add(ctx: Ctx, overrides: Partial<ContactFormInput> = {}) {
  return unwrap(await createContact(ctx, input(overrides))).id;
}

describe('contacts: create, read, update, delete', () => {
  it('saves every field and reads them back', async () => {
    const id = await add(alice, {
      name: 'Priya Shah',
      email: 'PRIYA@acme.example',
      phone: '+44 20 7946 0000',
      company: 'Acme Bio',
      role: 'Head of content',
      linkedinUrl: 'https://www.linkedin.com/in/priya',
      tags: 'biotech, writer, Biotech',
      notes: 'Wants help with a grant.',
      channel: 'interviews',
      metOn: '2026-02-10',
      cadenceDays: '45',
      nextFollowUpOn: '2026-03-01',
    });
    const contact = await getContact(alice, id, { today: '2026-03-01' });
    expect(contact).toMatchObject({
      name: 'Priya Shah',
      email: 'priya@acme.example',
      company: 'Acme Bio',
      role: 'Head of content',
      linkedinUrl: 'https://www.linkedin.com/in/priya',
      tags: ['biotech', 'writer'],
      channel: 'interviews',
      metOn: '2026-02-10',
      lastTouchOn: '2026-02-10',
      cadenceDays: 45,
      nextFollowUpOn: '2026-03-01',
      remembersYou: false,
      overdueDays: -26,
      metThroughEffort: null,
      version: 1,
    });
  });

  it('updates a contact and bumps its version', async () => {
    const id = await add(alice, { name: 'Before' });
    const updated = unwrap(await updateContact(alice, { ...input({ name: 'After', company: 'Globex' }), id, version: 1 }));
    expect(updated.version).toBe(2);
    expect(await getContact(alice, id)).toMatchObject({ name: 'After', company: 'Globex', version: 2 });
  });

  it('refuses an edit made on a stale version', async () => {
    const id = await add(alice, { name: 'Versioned' });
    unwrap(await updateContact(alice, { ...input({ name: 'First edit' }), id, version: 1 }));
    const stale = await updateContact(alice, { ...input({ name: 'Second edit' }), id, version: 1 });
    expect(stale).toEqual({ ok: false, formError: STALE_MESSAGE });
    expect((await getContact(alice, id))?.name).toBe('First edit');
  });

  it('deletes a contact with its interactions but keeps the opportunities it brought', async () => {
    const id = await add(alice, { name: 'Leaving' });
    unwrap(await createInteraction(alice, { contactId: id, date: '2026-03-02', kind: 'call', direction: 'inbound', notes: '' }));
    const [opp] = await handle.db
      .insert(opportunities)
      .values({ workspaceId: alice.workspaceId, title: 'Referral to Initech', kind: 'referral', contactId: id, openedOn: '2026-03-03' })
      .returning({ id: opportunities.id });
    expect(unwrap(await deleteContact(alice, id))).toEqual({ id });
    expect(await getContact(alice, id)).toBeNull();
    expect(await handle.db.select().from(interactions).where(eq(interactions.contactId, id))).toEqual([]);
    const [kept] = await handle.db.select().from(opportunities).where(eq(opportunities.id, opp.id));
    expect(kept).toMatchObject({ title: 'Referral to Initech', contactId: null });
    expect(isFailure(await deleteContact(alice, id))).toBe(true);
  });
});

describe('contacts: the effort where you met', () => {
  it('copies the effort channel on create and update, and lists the effort', async () => {
    const id = await add(alice, { name: 'Met at mixer', metThroughEffortId: aliceEvent, channel: 'linkedin' });
    const created = await getContact(alice, id);
    expect(created).toMatchObject({ channel: 'events', metThroughEffort: { id: aliceEvent, title: 'Spring mixer', channel: 'events' } });
    const involvedIn = async () =>
      (await handle.db.select({ effortId: effortContacts.effortId }).from(effortContacts).where(eq(effortContacts.contactId, id))).map((r) => r.effortId).sort();
    // The effort where you met lists the contact among those it involved.
    expect(await involvedIn()).toEqual([aliceEvent]);
    unwrap(await updateContact(alice, { ...input({ name: 'Met at mixer', metThroughEffortId: aliceClub }), id, version: 1 }));
    expect(await getContact(alice, id)).toMatchObject({ channel: 'organizations', metThroughEffort: { id: aliceClub } });
    expect(await involvedIn()).toEqual([aliceEvent, aliceClub].sort());
    unwrap(await updateContact(alice, { ...input({ name: 'Met at mixer', channel: 'linkedin' }), id, version: 2 }));
    expect(await getContact(alice, id)).toMatchObject({ channel: 'linkedin', metThroughEffort: null });
  });

  it("refuses another workspace's effort as the meeting effort", async () => {
    const before = await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, alice.workspaceId));
    const refused = await createContact(alice, input({ name: 'Sneaky', metThroughEffortId: bobEffort }));
    expect(refused).toEqual({ ok: false, fieldErrors: { metThroughEffortId: ['Choose an effort from this workspace'] } });
    const after = await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, alice.workspaceId));
    expect(after.length).toBe(before.length);

    const id = await add(alice, { name: 'Honest' });
    const update = await updateContact(alice, { ...input({ name: 'Honest', metThroughEffortId: bobEffort }), id, version: 1 });
    expect(isFailure(update)).toBe(true);
    expect(await getContact(alice, id)).toMatchObject({ metThroughEffort: null, version: 1 });
  });

  it('offers only the workspace efforts in the picker, newest first', async () => {
    const choices = await listMeetingEffortChoices(alice);
    expect(choices.map((c) => c.id)).toEqual([aliceEvent, aliceClub]);
    expect((await listMeetingEffortChoices(alice, { limit: 1, include: aliceClub })).map((c) => c.id)).toEqual([aliceEvent, aliceClub]);
    expect((await listMeetingEffortChoices(alice, { limit: 1, include: bobEffort })).map((c) => c.id)).toEqual([aliceEvent]);
  });

  it('lists the efforts a contact was involved in and the opportunities they brought', async () => {
    const id = await add(alice, { name: 'Involved' });
    await handle.db.insert(effortContacts).values({ workspaceId: alice.workspaceId, effortId: aliceClub, contactId: id });
    await handle.db
      .insert(opportunities)
      .values({ workspaceId: alice.workspaceId, title: 'Copywriting gig', kind: 'gig', contactId: id, openedOn: '2026-02-20' });
    expect((await listContactEfforts(alice, id)).map((e) => e.title)).toEqual(['Book club treasurer']);
    expect((await listContactOpportunities(alice, id)).map((o) => o.title)).toEqual(['Copywriting gig']);
    expect(await listContactEfforts(bob, id)).toEqual([]);
    expect(await listContactOpportunities(bob, id)).toEqual([]);
  });
});

describe('contacts: isolation and roles', () => {
  it("refuses another workspace's contact for read, update and delete", async () => {
    const id = await add(alice, { name: 'Private person', company: 'Secret Co' });
    expect(await getContact(bob, id)).toBeNull();
    const update = await updateContact(bob, { ...input({ name: 'Hijacked' }), id, version: 1 });
    expect(isFailure(update)).toBe(true);
    expect(isFailure(await deleteContact(bob, id))).toBe(true);
    expect(await getContact(alice, id)).toMatchObject({ name: 'Private person', version: 1 });
    expect((await listContacts(bob, { q: 'Secret' })).items).toEqual([]);
    expect(await listContactChoices(bob, { q: 'Private' })).toEqual([]);
  });

  it('lets coaches and viewers read but never write', async () => {
    const id = await add(alice, { name: 'Read only' });
    for (const role of ['coach', 'viewer'] as const) {
      const ctx = { ...alice, role };
      expect((await getContact(ctx, id))?.name).toBe('Read only');
      await expect(createContact(ctx, input({ name: 'Nope' }))).rejects.toThrow(ForbiddenError);
      await expect(updateContact(ctx, { ...input({ name: 'Nope' }), id, version: 1 })).rejects.toThrow(ForbiddenError);
      await expect(deleteContact(ctx, id)).rejects.toThrow(ForbiddenError);
    }
    expect(await getContact(alice, id)).toMatchObject({ name: 'Read only', version: 1 });
    expect(unwrap(await createContact({ ...alice, role: 'editor' }, input({ name: 'By editor' }))).id).toBeTruthy();
  });

  it('returns null for ids that are not ids', async () => {
    expect(await getContact(alice, 'not-a-uuid')).toBeNull();
  });
});

describe('contacts: going cold and remembering you', () => {
  let ws: Ctx;
  beforeAll(async () => {
    ws = await signUpOwner('Cora');
  });

  it('counts contacts whose last touch plus cadence is before today', async () => {
    const cold = await add(ws, { name: 'Cold', metOn: '2026-01-01', cadenceDays: '30' });
    await add(ws, { name: 'Due today', metOn: '2026-01-31', cadenceDays: '30' });
    await add(ws, { name: 'No cadence', metOn: '2020-01-01' });
    const colder = await add(ws, { name: 'Colder', metOn: '2025-12-01', cadenceDays: '30' });
    const today = '2026-03-02';
    expect(await countGoingCold(ws, { today })).toBe(2);
    expect(await listGoingCold(ws, { today, limit: 10 })).toEqual([
      expect.objectContaining({ id: colder, name: 'Colder', overdueDays: 61, cadenceDays: 30 }),
      expect.objectContaining({ id: cold, name: 'Cold', overdueDays: 30 }),
    ]);
    expect((await listGoingCold(ws, { today, limit: 1 })).map((c) => c.id)).toEqual([colder]);
    const page = await listContacts(ws, { goingCold: true, today });
    expect(page.items.map((c) => c.name)).toEqual(['Cold', 'Colder']);
    expect(await countGoingCold(bob, { today })).toBe(0);
  });

  it('leaves "going cold" when an interaction is logged', async () => {
    const id = await add(ws, { name: 'Warm again', metOn: '2026-01-01', cadenceDays: '30' });
    const today = '2026-03-02';
    expect((await listContacts(ws, { goingCold: true, today, q: 'Warm again' })).items).toHaveLength(1);
    unwrap(await createInteraction(ws, { contactId: id, date: today, kind: 'email', direction: 'outbound', notes: '' }));
    expect((await listContacts(ws, { goingCold: true, today, q: 'Warm again' })).items).toHaveLength(0);
    expect(await getContact(ws, id, { today })).toMatchObject({ lastTouchOn: today, overdueDays: -30 });
  });

  it('recomputes the last touch when the meeting date changes', async () => {
    const id = await add(ws, { name: 'Moved', metOn: '2026-01-01' });
    unwrap(await createInteraction(ws, { contactId: id, date: '2026-02-01', kind: 'call', direction: 'outbound', notes: '' }));
    unwrap(await updateContact(ws, { ...input({ name: 'Moved', metOn: '2026-03-01' }), id, version: 1 }));
    expect((await getContact(ws, id))?.lastTouchOn).toBe('2026-03-01');
    unwrap(await updateContact(ws, { ...input({ name: 'Moved', metOn: '' }), id, version: 2 }));
    expect((await getContact(ws, id))?.lastTouchOn).toBe('2026-02-01');
  });

  it('says a contact remembers you only after an inbound interaction on or after meeting', async () => {
    const before = await add(ws, { name: 'RY inbound before meeting', metOn: '2026-02-01' });
    unwrap(await createInteraction(ws, { contactId: before, date: '2026-01-15', kind: 'email', direction: 'inbound', notes: '' }));
    const outbound = await add(ws, { name: 'RY only outbound', metOn: '2026-02-01' });
    unwrap(await createInteraction(ws, { contactId: outbound, date: '2026-02-10', kind: 'email', direction: 'outbound', notes: '' }));
    const sameDay = await add(ws, { name: 'RY same day', metOn: '2026-02-01' });
    unwrap(await createInteraction(ws, { contactId: sameDay, date: '2026-02-01', kind: 'message', direction: 'inbound', notes: '' }));
    const noDate = await add(ws, { name: 'RY no meeting date' });
    unwrap(await createInteraction(ws, { contactId: noDate, date: '2020-05-05', kind: 'call', direction: 'inbound', notes: '' }));

    const rows = (await listContacts(ws, { q: 'RY ' })).items;
    expect(Object.fromEntries(rows.map((r) => [r.name, r.remembersYou]))).toEqual({
      'RY inbound before meeting': false,
      'RY only outbound': false,
      'RY same day': true,
      'RY no meeting date': true,
    });
    expect((await getContact(ws, sameDay))?.remembersYou).toBe(true);
    expect((await getContact(ws, before))?.remembersYou).toBe(false);
  });
});

describe('contacts: list search, tags and pages', () => {
  let ws: Ctx;
  beforeAll(async () => {
    ws = await signUpOwner('Dev');
    await add(ws, { name: 'Ann', company: '100% Organic', tags: 'Food' });
    await add(ws, { name: 'Ben', company: '100 Percent Organic', tags: 'food, Tech' });
    await add(ws, { name: 'Cat', company: 'snake_case Ltd', role: 'CTO' });
    await add(ws, { name: 'Dan', company: 'snakeXcase Ltd' });
    await add(ws, { name: 'Eve', email: 'eve@initech.example', notes: 'Knows the back\\slash trick' });
    await add(ws, { name: 'Eve', role: 'Recruiter' });
    await add(ws, { name: 'Fay', tags: 'tech' });
  });

  it('searches name, email, company, role and notes, treating % and _ literally', async () => {
    const names = async (q: string) => (await listContacts(ws, { q })).items.map((c) => c.name);
    expect(await names('100%')).toEqual(['Ann']);
    expect(await names('snake_case')).toEqual(['Cat']);
    expect(await names('_')).toEqual(['Cat']);
    expect(await names('%')).toEqual(['Ann']);
    expect(await names('back\\slash')).toEqual(['Eve']);
    expect(await names('organic')).toEqual(['Ann', 'Ben']);
    expect(await names('INITECH')).toEqual(['Eve']);
    expect(await names('recruiter')).toEqual(['Eve']);
    expect(await names('cto')).toEqual(['Cat']);
  });

  it('filters by tag ignoring case and lists tags by use', async () => {
    expect((await listContacts(ws, { tag: 'FOOD' })).items.map((c) => c.name)).toEqual(['Ann', 'Ben']);
    expect((await listContacts(ws, { tag: 'tech', q: 'ben' })).items.map((c) => c.name)).toEqual(['Ben']);
    expect((await listContacts(ws, { tag: 'missing' })).items).toEqual([]);
    expect((await listContactTags(ws)).map((t) => t.toLowerCase())).toEqual(['food', 'tech']);
  });

  it('pages forward and back in name order without skipping or repeating', async () => {
    const all = (await listContacts(ws)).items;
    expect(all.map((c) => c.name)).toEqual(['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Eve', 'Fay']);
    const p1 = await listContacts(ws, { limit: 3 });
    expect(p1.prevCursor).toBeNull();
    const p2 = await listContacts(ws, { limit: 3, after: p1.nextCursor! });
    const p3 = await listContacts(ws, { limit: 3, after: p2.nextCursor! });
    expect([...p1.items, ...p2.items, ...p3.items].map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(p3.nextCursor).toBeNull();
    const back = await listContacts(ws, { limit: 3, before: p3.prevCursor! });
    expect(back.items.map((c) => c.id)).toEqual(p2.items.map((c) => c.id));
    const first = await listContacts(ws, { limit: 3, before: back.prevCursor! });
    expect(first.items.map((c) => c.id)).toEqual(p1.items.map((c) => c.id));
    expect(first.prevCursor).toBeNull();
  });

  it('ignores a malformed cursor instead of failing', async () => {
    expect((await listContacts(ws, { after: 'garbage!!' })).items).toHaveLength(7);
  });

  it('offers contact choices for pickers by name or company', async () => {
    expect((await listContactChoices(ws, { q: 'organic', limit: 10 })).map((c) => c.name)).toEqual(['Ann', 'Ben']);
    expect(await listContactChoices(ws, { limit: 2 })).toEqual([
      expect.objectContaining({ name: 'Ann', company: '100% Organic' }),
      expect.objectContaining({ name: 'Ben' }),
    ]);
  });
});
