import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { interactions } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { contactSchema } from '@/lib/schemas/contact';
import type { InteractionInput } from '@/lib/schemas/interaction';
import { isFailure } from '@/lib/result';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { contactForm, unwrap } from '@/test/records';
import { createContact, getContact } from './contacts';
import { createInteraction, deleteInteraction, listInteractions, updateInteraction } from './interactions';

const handle = testDatabase();
type Ctx = { userId: string; workspaceId: string; role: 'owner' | 'editor' | 'coach' | 'viewer' };
let alice: Ctx;
let bob: Ctx;

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
});

async function addContact(ctx: Ctx, name: string, metOn = '', cadenceDays = '') {
  const parsed = contactSchema.parse(contactForm(name, { metOn, cadenceDays }));
  return unwrap(await createContact(ctx, parsed)).id;
}

function log(contactId: string, date: string, more: Partial<InteractionInput> = {}): InteractionInput {
  return { contactId, date, kind: 'email', direction: 'outbound', notes: '', ...more };
}

const lastTouch = async (ctx: Ctx, id: string) => (await getContact(ctx, id))?.lastTouchOn;

describe('interactions', () => {
  it('keeps last touch at the latest of meeting and interaction dates through add, edit and delete', async () => {
    const id = await addContact(alice, 'Touchy', '2026-01-10');
    expect(await lastTouch(alice, id)).toBe('2026-01-10');
    const early = unwrap(await createInteraction(alice, log(id, '2026-01-05')));
    expect(await lastTouch(alice, id)).toBe('2026-01-10');
    const late = unwrap(await createInteraction(alice, log(id, '2026-02-20')));
    expect(await lastTouch(alice, id)).toBe('2026-02-20');
    unwrap(await updateInteraction(alice, { id: late.id, date: '2026-03-15', kind: 'call', direction: 'mutual', notes: 'Coffee' }));
    expect(await lastTouch(alice, id)).toBe('2026-03-15');
    unwrap(await updateInteraction(alice, { id: late.id, date: '2026-01-12', kind: 'call', direction: 'mutual', notes: 'Coffee' }));
    expect(await lastTouch(alice, id)).toBe('2026-01-12');
    unwrap(await deleteInteraction(alice, late.id));
    expect(await lastTouch(alice, id)).toBe('2026-01-10');
    unwrap(await deleteInteraction(alice, early.id));
    expect(await lastTouch(alice, id)).toBe('2026-01-10');
  });

  it('without a meeting date, last touch follows the interactions alone', async () => {
    const id = await addContact(alice, 'Undated');
    expect(await lastTouch(alice, id)).toBeNull();
    const one = unwrap(await createInteraction(alice, log(id, '2026-04-01')));
    expect(await lastTouch(alice, id)).toBe('2026-04-01');
    unwrap(await deleteInteraction(alice, one.id));
    expect(await lastTouch(alice, id)).toBeNull();
  });

  it('resets the cadence: the due date moves to the new last touch', async () => {
    const id = await addContact(alice, 'Cadenced', '2026-01-01', '30');
    expect((await getContact(alice, id, { today: '2026-03-02' }))?.overdueDays).toBe(30);
    unwrap(await createInteraction(alice, log(id, '2026-03-01')));
    expect((await getContact(alice, id, { today: '2026-03-02' }))?.overdueDays).toBe(-29);
  });

  it('lists a contact interactions newest first, with what was recorded', async () => {
    const id = await addContact(alice, 'Listed');
    unwrap(await createInteraction(alice, log(id, '2026-02-01', { kind: 'favor', direction: 'inbound', notes: 'Fixed my CV' })));
    unwrap(await createInteraction(alice, log(id, '2026-03-01', { kind: 'pitch' })));
    const list = await listInteractions(alice, id);
    expect(list.map((i) => [i.date, i.kind, i.direction, i.notes])).toEqual([
      ['2026-03-01', 'pitch', 'outbound', ''],
      ['2026-02-01', 'favor', 'inbound', 'Fixed my CV'],
    ]);
    expect(await listInteractions(bob, id)).toEqual([]);
  });

  it("refuses to log, edit or delete across workspaces", async () => {
    const aliceContact = await addContact(alice, 'Alice contact', '2026-01-01');
    const bobContact = await addContact(bob, 'Bob contact', '2026-01-01');
    const refused = await createInteraction(alice, log(bobContact, '2026-05-01', { direction: 'inbound' }));
    expect(isFailure(refused)).toBe(true);
    expect(await handle.db.select().from(interactions).where(eq(interactions.contactId, bobContact))).toEqual([]);
    expect(await lastTouch(bob, bobContact)).toBe('2026-01-01');

    const mine = unwrap(await createInteraction(alice, log(aliceContact, '2026-02-01', { notes: 'original' })));
    const edit = await updateInteraction(bob, { id: mine.id, date: '2026-06-01', kind: 'call', direction: 'inbound', notes: 'hijacked' });
    expect(isFailure(edit)).toBe(true);
    expect(isFailure(await deleteInteraction(bob, mine.id))).toBe(true);
    expect((await listInteractions(alice, aliceContact)).map((i) => i.notes)).toEqual(['original']);
    expect(await lastTouch(alice, aliceContact)).toBe('2026-02-01');
  });

  it('refuses writes from coaches and viewers', async () => {
    const id = await addContact(alice, 'Guarded');
    const existing = unwrap(await createInteraction(alice, log(id, '2026-02-01')));
    for (const role of ['coach', 'viewer'] as const) {
      const ctx = { ...alice, role };
      await expect(createInteraction(ctx, log(id, '2026-02-02'))).rejects.toThrow(ForbiddenError);
      await expect(updateInteraction(ctx, { id: existing.id, date: '2026-02-03', kind: 'call', direction: 'inbound', notes: '' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(deleteInteraction(ctx, existing.id)).rejects.toThrow(ForbiddenError);
      expect(await listInteractions(ctx, id)).toHaveLength(1);
    }
  });
});
