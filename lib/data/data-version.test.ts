import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contacts,
  effortContacts,
  efforts,
  interactions,
  linkedinChecklists,
  opportunities,
  reminderSnoozes,
  timeEntries,
  workspaces,
} from '@/db/schema';
import { effortSchema } from '@/lib/schemas/effort';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import type { WorkspaceCtx } from './context';
import { getDashboard, scoreDashboard } from './dashboard';
import { createEffort, deleteEffort } from './efforts';
import { listDueToday, markDueItem } from './reminders/due';
import { listMyWorkspaces, updateWorkspaceSettings } from './workspaces';

const handle = testDatabase();
let ana: WorkspaceCtx;
let ben: WorkspaceCtx;

beforeAll(async () => {
  ana = await signUpOwner('Ana', 'ana-version@example.com');
  ben = await signUpOwner('Ben', 'ben-version@example.com');
});

async function version(ctx: WorkspaceCtx): Promise<number> {
  const [row] = await handle.db.select({ v: workspaces.dataVersion }).from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
  return row.v;
}

/** Runs a write and returns by how much it moved Ana's and Ben's versions. */
async function bumps(write: () => Promise<unknown>): Promise<{ ana: number; ben: number }> {
  const [a0, b0] = [await version(ana), await version(ben)];
  await write();
  return { ana: (await version(ana)) - a0, ben: (await version(ben)) - b0 };
}

describe('the workspace data version', () => {
  it('moves on with every insert, update and delete of each record the dashboard reads, in that workspace only', async () => {
    const ws = ana.workspaceId;
    const db = handle.db;
    let effortId = '';
    let contactId = '';
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['insert effort', async () => ([{ id: effortId }] = await db.insert(efforts).values({ workspaceId: ws, channel: 'events', title: 'Mixer', date: '2026-10-01' }).returning())],
      ['update effort', () => db.update(efforts).set({ title: 'Mixer, again' }).where(eq(efforts.id, effortId))],
      ['insert time entry', () => db.insert(timeEntries).values({ workspaceId: ws, effortId, date: '2026-10-01', hours: 2 })],
      ['update time entry', () => db.update(timeEntries).set({ hours: 3 }).where(eq(timeEntries.effortId, effortId))],
      ['delete time entry', () => db.delete(timeEntries).where(eq(timeEntries.effortId, effortId))],
      ['insert contact', async () => ([{ id: contactId }] = await db.insert(contacts).values({ workspaceId: ws, name: 'Lee', metOn: '2026-10-01' }).returning())],
      ['update contact', () => db.update(contacts).set({ cadenceDays: 30 }).where(eq(contacts.id, contactId))],
      ['insert effort link', () => db.insert(effortContacts).values({ workspaceId: ws, effortId, contactId })],
      ['delete effort link', () => db.delete(effortContacts).where(eq(effortContacts.effortId, effortId))],
      ['insert interaction', () => db.insert(interactions).values({ workspaceId: ws, contactId, date: '2026-10-05', direction: 'inbound', kind: 'email' })],
      ['update interaction', () => db.update(interactions).set({ date: '2026-10-06' }).where(eq(interactions.contactId, contactId))],
      ['delete interaction', () => db.delete(interactions).where(eq(interactions.contactId, contactId))],
      ['insert opportunity', () => db.insert(opportunities).values({ workspaceId: ws, title: 'Gig', kind: 'gig', stage: 'talking', openedOn: '2026-10-07', contactId })],
      ['update opportunity', () => db.update(opportunities).set({ stage: 'won' }).where(eq(opportunities.workspaceId, ws))],
      ['delete opportunity', () => db.delete(opportunities).where(eq(opportunities.workspaceId, ws))],
      ['insert checklist', () => db.insert(linkedinChecklists).values({ workspaceId: ws, summary: true })],
      ['update checklist', () => db.update(linkedinChecklists).set({ hobbies: true }).where(eq(linkedinChecklists.workspaceId, ws))],
      ['insert snooze', () => db.insert(reminderSnoozes).values({ workspaceId: ws, userId: ana.userId, itemKey: 'c:x:-:-', until: '2026-12-01' })],
      ['delete snooze', () => db.delete(reminderSnoozes).where(eq(reminderSnoozes.workspaceId, ws))],
      ['delete contact', () => db.delete(contacts).where(eq(contacts.id, contactId))],
      ['delete effort', () => db.delete(efforts).where(eq(efforts.id, effortId))],
      ['change settings', () => updateWorkspaceSettings(ana, { name: 'Ana', targetNiche: 'Design', hourlyValue: 40, currency: 'EUR', defaultCadenceDays: 60 })],
    ];
    for (const [label, write] of steps) {
      const moved = await bumps(write);
      expect(moved.ana, label).toBeGreaterThanOrEqual(1);
      expect(moved.ben, label).toBe(0);
    }
  });

  it('moves once for a statement that writes many rows, and not at all for one that writes none', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ workspaceId: ana.workspaceId, channel: 'linkedin' as const, title: `Post ${i}`, date: '2026-09-01' }));
    expect(await bumps(() => handle.db.insert(efforts).values(rows))).toEqual({ ana: 1, ben: 0 });
    expect(await bumps(() => handle.db.delete(efforts).where(eq(efforts.title, 'No such effort')))).toEqual({ ana: 0, ben: 0 });
  });

  it('moves once for a whole transaction, however many statements its triggers run', async () => {
    const ws = ana.workspaceId;
    const moved = await bumps(() =>
      handle.db.transaction(async (tx) => {
        const people = await tx
          .insert(contacts)
          .values(Array.from({ length: 30 }, (_, i) => ({ workspaceId: ws, name: `Guest ${i}`, metOn: '2026-08-01' })))
          .returning({ id: contacts.id });
        // Each inbound interaction makes its contact "remembered": one more statement per row, run by a trigger.
        await tx.insert(interactions).values(people.map((p) => ({ workspaceId: ws, contactId: p.id, date: '2026-08-03', direction: 'inbound' as const, kind: 'email' as const })));
        await tx.update(contacts).set({ cadenceDays: 60 }).where(eq(contacts.workspaceId, ws));
      }),
    );
    expect(moved).toEqual({ ana: 1, ben: 0 });
    const remembered = await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.remembered, true));
    expect(remembered.length).toBeGreaterThanOrEqual(30);
  });
});

describe('the dashboard served from memory', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };
  const today = '2026-11-25';
  const current = async (ctx: WorkspaceCtx) => (await listMyWorkspaces(ctx.userId)).find((w) => w.id === ctx.workspaceId)!.dataVersion;
  const hoursOf = (d: Awaited<ReturnType<typeof getDashboard>>) => d.totals.reduce((s, t) => s + t.hours, 0);

  it('shows a new effort on the next view, and a deleted one disappears', async () => {
    const v0 = await current(ben);
    const before = await getDashboard(ben, { period, today, dataVersion: v0 });
    const created = await createEffort(
      ben,
      effortSchema.parse({ channel: 'events', title: 'Chamber mixer', venue: 'The Anchor', date: '2026-11-02', hours: '1.5', moneySpent: '', notes: '', contactIds: [] }),
    );
    const after = await getDashboard(ben, { period, today, dataVersion: await current(ben) });
    expect(hoursOf(after) - hoursOf(before)).toBeCloseTo(1.5, 5);
    // A request that read the version before the write is answered as of that version.
    expect(hoursOf(await getDashboard(ben, { period, today, dataVersion: v0 }))).toBeCloseTo(hoursOf(before), 5);
    await deleteEffort(ben, (created as { id: string }).id);
    expect(hoursOf(await getDashboard(ben, { period, today, dataVersion: await current(ben) }))).toBeCloseTo(hoursOf(before), 5);
  });

  it('scores a kept view once, and a write scores the next view afresh', async () => {
    const asOwner = { hourlyValue: 40, currency: 'USD', model: 'first' as const };
    const hoursIn = (p: ReturnType<typeof scoreDashboard>, channel: string) => p.channels.find((c) => c.channel === channel)?.hours ?? 0;
    const view = await getDashboard(ben, { period, today, dataVersion: await current(ben) });
    const scored = scoreDashboard(view, asOwner);
    // The same view asked again is the same kept view, scored once.
    const again = await getDashboard(ben, { period, today, dataVersion: await current(ben) });
    expect(scoreDashboard(again, asOwner)).toBe(scored);
    // Another model or hourly value is its own score.
    expect(scoreDashboard(again, { ...asOwner, model: 'last' })).not.toBe(scored);
    expect(scoreDashboard(again, { ...asOwner, hourlyValue: 80 }).channels.every((c) => c.yardstick === 80)).toBe(true);
    await createEffort(
      ben,
      effortSchema.parse({ channel: 'events', title: 'Breakfast meetup', venue: 'The Library', date: '2026-11-10', hours: '2', moneySpent: '', notes: '', contactIds: [] }),
    );
    const next = scoreDashboard(await getDashboard(ben, { period, today, dataVersion: await current(ben) }), asOwner);
    expect(hoursIn(next, 'events') - hoursIn(scored, 'events')).toBeCloseTo(2, 5);
  });

  it('answers each workspace with its own numbers under the same version', async () => {
    await handle.db.insert(efforts).values({ workspaceId: ana.workspaceId, channel: 'events', title: 'Only Ana', date: '2026-05-01', moneySpent: 99 });
    const v = Math.max(await current(ana), await current(ben));
    const moneyOf = async (ctx: WorkspaceCtx) => (await getDashboard(ctx, { period, today, dataVersion: v })).totals.reduce((s, t) => s + t.money, 0);
    expect(await moneyOf(ana)).toBeGreaterThanOrEqual(99);
    expect(await moneyOf(ben)).toBe(0);
  });

  it('drops a snoozed item from Due today on the next view', async () => {
    await handle.db.insert(contacts).values({ workspaceId: ben.workspaceId, name: 'Quiet Quinn', cadenceDays: 14, lastTouchOn: '2026-01-01' });
    const now = new Date('2026-11-25T12:00:00Z');
    const first = await listDueToday(ben, { now, dataVersion: await current(ben) });
    const quinn = first.items.find((i) => i.title.startsWith('Quiet Quinn'))!;
    expect(quinn).toBeDefined();
    expect((await markDueItem(ben, { itemKey: quinn.key, action: 'snooze7' }, { now })).ok).toBe(true);
    const next = await listDueToday(ben, { now, dataVersion: await current(ben) });
    expect(next.items.some((i) => i.key === quinn.key)).toBe(false);
  });
});
