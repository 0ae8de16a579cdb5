import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { contacts, effortContacts, efforts, timeEntries, workspaces } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { quickLogSchema } from '@/lib/schemas/quick-log';
import { effortFlags } from '@/lib/flags';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import type { WorkspaceCtx } from './context';
import { quickLog } from './quick-log';

const handle = testDatabase();
let alice: WorkspaceCtx;

const happyHour = {
  channel: 'events',
  title: "Freelancers' mixer at The Anchor",
  date: '2026-03-12',
  hours: '2.5',
  moneySpent: '24',
  drinks: '3',
  pitches: '2',
  advances: '',
  jobSeekerAsks: '1',
  usefulContacts: '2',
  helped: '',
  what: '',
  contacts: [
    { name: 'Dana Reyes', company: 'Reyes Design', email: 'dana@example.com' },
    { name: 'Sam Okafor', company: '', email: '' },
    { name: '', company: '', email: '' },
  ],
};

async function counts(ctx: WorkspaceCtx) {
  const w = ctx.workspaceId;
  return {
    efforts: await handle.db.$count(efforts, eq(efforts.workspaceId, w)),
    timeEntries: await handle.db.$count(timeEntries, eq(timeEntries.workspaceId, w)),
    contacts: await handle.db.$count(contacts, eq(contacts.workspaceId, w)),
    links: await handle.db.$count(effortContacts, eq(effortContacts.workspaceId, w)),
  };
}

beforeAll(async () => {
  alice = await signUpOwner('Alice');
});

describe('quick log', () => {
  it('creates the effort, its time entry, the new contacts and their links', async () => {
    const before = await counts(alice);
    const result = await quickLog(alice, quickLogSchema.parse(happyHour));
    expect(result.contactIds).toHaveLength(2);
    expect(await counts(alice)).toEqual({
      efforts: before.efforts + 1,
      timeEntries: before.timeEntries + 1,
      contacts: before.contacts + 2,
      links: before.links + 2,
    });

    const [effort] = await handle.db.select().from(efforts).where(eq(efforts.id, result.id));
    expect(effort).toMatchObject({
      workspaceId: alice.workspaceId,
      channel: 'events',
      title: "Freelancers' mixer at The Anchor",
      date: '2026-03-12',
      hours: 2.5,
      moneySpent: 24,
      drinks: 3,
      pitches: 2,
      advances: null,
      jobSeekerAsks: 1,
      usefulContacts: 2,
      createdBy: alice.userId,
    });
    const entries = await handle.db.select().from(timeEntries).where(eq(timeEntries.effortId, result.id));
    expect(entries).toMatchObject([{ date: '2026-03-12', hours: 2.5 }]);

    const made = await handle.db.select().from(contacts).where(eq(contacts.metThroughEffortId, result.id));
    expect(made.map((c) => c.name).sort()).toEqual(['Dana Reyes', 'Sam Okafor']);
    // A new workspace keeps in touch every 60 days, so these two can go cold without more typing.
    for (const c of made) expect(c).toMatchObject({ channel: 'events', metOn: '2026-03-12', workspaceId: alice.workspaceId, cadenceDays: 60 });
    const links = await handle.db.select().from(effortContacts).where(eq(effortContacts.effortId, result.id));
    expect(links.map((l) => l.contactId).sort()).toEqual(made.map((c) => c.id).sort());
  });

  it('counts the people written down as useful contacts when the count is left empty, so one pitch is not "more than"', async () => {
    const result = await quickLog(alice, quickLogSchema.parse({ ...happyHour, pitches: '1', usefulContacts: '', contacts: [
      { name: 'Ivy', company: '', email: '' }, { name: 'Jon', company: '', email: '' }, { name: 'Kai', company: '', email: '' },
    ] }));
    const [effort] = await handle.db.select().from(efforts).where(eq(efforts.id, result.id));
    expect(effort!.usefulContacts).toBe(3);
    expect(effortFlags({ ...effort!, channel: 'events' }, { today: '2026-03-12' }).map((f) => f.key)).not.toContain('pitches');
  });

  it('stores a favor with who was helped and what was done', async () => {
    const input = quickLogSchema.parse({
      ...happyHour,
      channel: 'volunteering',
      title: 'WordPress fix for the café',
      helped: 'Marta, café owner',
      what: 'Fixed the menu page',
      contacts: [{ name: 'Marta Silva', company: 'Café Sol', email: '' }],
    });
    const result = await quickLog(alice, input);
    const [effort] = await handle.db.select().from(efforts).where(eq(efforts.id, result.id));
    expect(effort).toMatchObject({ channel: 'volunteering', drinks: null, pitches: null, details: { helped: 'Marta, café owner', what: 'Fixed the menu page' } });
    const [marta] = await handle.db.select().from(contacts).where(eq(contacts.id, result.contactIds[0]));
    expect(marta).toMatchObject({ channel: 'volunteering', metThroughEffortId: result.id });
  });

  it("gives new contacts the workspace's current default cadence, or none when it has none", async () => {
    const set = (days: number | null) =>
      handle.db.update(workspaces).set({ defaultCadenceDays: days }).where(eq(workspaces.id, alice.workspaceId));
    try {
      await set(21);
      const first = await quickLog(alice, quickLogSchema.parse({ ...happyHour, title: 'Three weeks' }));
      await set(null);
      const second = await quickLog(alice, quickLogSchema.parse({ ...happyHour, title: 'No cadence' }));
      const cadenceOf = async (id: string) =>
        (await handle.db.select({ d: contacts.cadenceDays }).from(contacts).where(eq(contacts.metThroughEffortId, id))).map((r) => r.d);
      expect(await cadenceOf(first.id)).toEqual([21, 21]);
      expect(await cadenceOf(second.id)).toEqual([null, null]);
    } finally {
      await set(60);
    }
  });

  it('writes nothing when one part fails', async () => {
    // A constraint that only the second contact violates makes the write fail half-way through.
    await handle.db.execute(sql`alter table contacts add constraint test_refuse_boom check (name <> 'Boom')`);
    try {
      const before = await counts(alice);
      const input = quickLogSchema.parse({
        ...happyHour,
        title: 'Doomed evening',
        contacts: [{ name: 'Fine Person', company: '', email: '' }, { name: 'Boom', company: '', email: '' }],
      });
      await expect(quickLog(alice, input)).rejects.toThrow();
      expect(await counts(alice)).toEqual(before);
      expect(await handle.db.$count(efforts, eq(efforts.title, 'Doomed evening'))).toBe(0);
    } finally {
      await handle.db.execute(sql`alter table contacts drop constraint test_refuse_boom`);
    }
  });

  it('refuses coaches and viewers', async () => {
    const before = await counts(alice);
    for (const role of ['coach', 'viewer'] as const) {
      await expect(quickLog({ ...alice, role }, quickLogSchema.parse(happyHour))).rejects.toThrow(ForbiddenError);
    }
    expect(await counts(alice)).toEqual(before);
  });
});

describe('quick paths', () => {
  it('adds time to an organization membership, and refuses an effort that is not one', async () => {
    const { createEffort } = await import('./efforts');
    const { effortSchema } = await import('@/lib/schemas/effort');
    const { quickOrgTime } = await import('./quick-log');
    const club = await createEffort(
      alice,
      effortSchema.parse({ channel: 'organizations', title: 'Freelancers club', date: '2026-01-05', hours: '', moneySpent: '', notes: '', orgKind: 'club', cause: '', contribution: 'Keeps the books', joinedOn: '', leftOn: '', yearlyDues: '' }),
    );
    if (!('id' in club)) throw new Error('no club');
    const entry = await quickOrgTime(alice, { effortId: club.id, date: '2026-02-01', hours: 3, note: 'Year-end books' });
    expect(entry).toMatchObject({ effortId: club.id });
    const [row] = await handle.db.select({ hours: efforts.hours }).from(efforts).where(eq(efforts.id, club.id));
    expect(row.hours).toBe(3);

    const mixer = await quickLog(alice, quickLogSchema.parse({ ...happyHour, title: 'Not a club', contacts: [] }));
    expect(await quickOrgTime(alice, { effortId: mixer.id, date: '2026-02-01', hours: 1, note: '' })).toMatchObject({ ok: false });
    expect(await handle.db.$count(timeEntries, eq(timeEntries.effortId, mixer.id))).toBe(1);
  });
});
