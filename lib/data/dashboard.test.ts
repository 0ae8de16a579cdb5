import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { contacts, effortContacts, efforts, interactions, linkedinChecklists, opportunities, timeEntries } from '@/db/schema';
import { addDays, daysBetween } from '@/lib/dates';
import { CHANNEL_KEYS, type ChannelKey } from '@/lib/payoff';
import { setupTestDatabase } from '@/test/db';
import { createUserWithWorkspace } from './users';
import { getChannelTotals, getDashboardSignals, getMonthlyTrend, getOpportunityTouches, SIGNAL_CAP, type Period } from './dashboard';
import { ForbiddenError } from '@/lib/permissions';

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface World {
  efforts: Array<{ id: string; channel: ChannelKey; date: string; money: number; drinks: number | null; pitches: number | null; advances: number | null; asks: number | null; useful: number | null; dues: number | null; joinedOn: string | null; leftOn: string | null }>;
  entries: Array<{ effortId: string; date: string; hours: number }>;
  contacts: Array<{ id: string; channel: ChannelKey | null; metOn: string | null; metThrough: string | null }>;
  links: Array<{ effortId: string; contactId: string }>;
  interactions: Array<{ contactId: string; date: string; direction: 'inbound' | 'outbound' | 'mutual' }>;
  opps: Array<{ id: string; contactId: string | null; effortId: string | null; openedOn: string; stage: string }>;
}

let handle: DbHandle;
let ctx: { userId: string; workspaceId: string; role: 'owner' };
let otherWs: string;
const world: World = { efforts: [], entries: [], contacts: [], links: [], interactions: [], opps: [] };
const START = '2025-01-01';

async function populate(workspaceId: string, seed: number, record: boolean) {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const day = () => addDays(START, Math.floor(r() * 700));
  const effortIds: Array<{ id: string; channel: ChannelKey; date: string }> = [];
  for (let i = 0; i < 60; i++) {
    const channel = pick(CHANNEL_KEYS);
    const date = day();
    const isEvent = channel === 'events';
    const isOrg = channel === 'organizations' && r() < 0.7;
    const values = {
      workspaceId, channel, title: `Effort ${i}`, date, moneySpent: Math.round(r() * 100),
      drinks: isEvent ? Math.floor(r() * 5) : null, pitches: isEvent ? Math.floor(r() * 4) : null,
      advances: isEvent ? Math.floor(r() * 2) : null, jobSeekerAsks: isEvent ? Math.floor(r() * 3) : null,
      usefulContacts: isEvent ? Math.floor(r() * 3) : null,
      yearlyDues: isOrg ? 120 + Math.floor(r() * 200) : null,
      joinedOn: isOrg ? date : null, leftOn: isOrg && r() < 0.4 ? addDays(date, 100 + Math.floor(r() * 200)) : null,
    };
    const [row] = await handle.db.insert(efforts).values(values).returning({ id: efforts.id });
    effortIds.push({ id: row.id, channel, date });
    if (record) {
      world.efforts.push({ id: row.id, channel, date, money: values.moneySpent, drinks: values.drinks, pitches: values.pitches, advances: values.advances, asks: values.jobSeekerAsks, useful: values.usefulContacts, dues: values.yearlyDues, joinedOn: values.joinedOn, leftOn: values.leftOn });
    }
    const n = 1 + Math.floor(r() * 3);
    for (let j = 0; j < n; j++) {
      const entryDate = addDays(date, Math.floor(r() * 60));
      const hours = Math.round(r() * 40) / 4;
      await handle.db.insert(timeEntries).values({ workspaceId, effortId: row.id, date: entryDate, hours });
      if (record) world.entries.push({ effortId: row.id, date: entryDate, hours });
    }
  }
  const contactIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const through = r() < 0.8 ? pick(effortIds) : null;
    const metOn = through ? through.date : r() < 0.5 ? day() : null;
    const channel = through ? through.channel : r() < 0.5 ? pick(CHANNEL_KEYS) : null;
    const [row] = await handle.db
      .insert(contacts)
      .values({ workspaceId, name: `Contact ${i}`, channel, metOn, metThroughEffortId: through?.id ?? null })
      .returning({ id: contacts.id });
    contactIds.push(row.id);
    if (record) world.contacts.push({ id: row.id, channel, metOn, metThrough: through?.id ?? null });
    if (through) {
      await handle.db.insert(effortContacts).values({ workspaceId, effortId: through.id, contactId: row.id });
      if (record) world.links.push({ effortId: through.id, contactId: row.id });
    }
    // Later efforts involving the same contact: the touches the other attribution models use.
    for (let k = 0; k < Math.floor(r() * 3); k++) {
      const e = pick(effortIds);
      if (e.id === through?.id || world.links.some((l) => l.effortId === e.id && l.contactId === row.id)) continue;
      await handle.db.insert(effortContacts).values({ workspaceId, effortId: e.id, contactId: row.id }).onConflictDoNothing();
      if (record) world.links.push({ effortId: e.id, contactId: row.id });
    }
    for (let k = 0; k < Math.floor(r() * 3); k++) {
      const direction = pick(['inbound', 'outbound', 'mutual'] as const);
      const date = metOn ? addDays(metOn, Math.floor(r() * 120) - 20) : day();
      await handle.db.insert(interactions).values({ workspaceId, contactId: row.id, date, kind: 'email', direction });
      if (record) world.interactions.push({ contactId: row.id, date, direction });
    }
  }
  for (let i = 0; i < 30; i++) {
    const contactId = r() < 0.85 ? pick(contactIds) : null;
    const effortId = r() < 0.2 ? pick(effortIds).id : null;
    const stage = pick(['lead', 'talking', 'proposal', 'won', 'lost'] as const);
    const openedOn = day();
    const [row] = await handle.db
      .insert(opportunities)
      .values({ workspaceId, title: `Opp ${i}`, kind: 'client', contactId, effortId, stage, expectedValue: 1000, wonValue: stage === 'won' ? 500 : 0, openedOn })
      .returning({ id: opportunities.id });
    if (record) world.opps.push({ id: row.id, contactId, effortId, openedOn, stage });
  }
}

beforeAll(async () => {
  handle = await setupTestDatabase();
  const a = (await createUserWithWorkspace({ name: 'Agg', email: 'agg@example.com', password: 'aggregate pass' }))!;
  const b = (await createUserWithWorkspace({ name: 'Noise', email: 'noise@example.com', password: 'noise pass phrase' }))!;
  ctx = { userId: a.user.id, workspaceId: a.workspaceId, role: 'owner' };
  otherWs = b.workspaceId;
  await populate(ctx.workspaceId, 42, true);
  // Another workspace's rows must never leak into the sums.
  await populate(otherWs, 7, false);
}, 120_000);
afterAll(async () => {
  await handle.close();
});

const inPeriod = (d: string | null, p: Period) => d !== null && (p.from === null || d >= p.from) && d <= p.to;

function bruteTotals(p: Period) {
  const out = new Map<ChannelKey, Record<string, number>>();
  const at = (c: ChannelKey) => {
    if (!out.has(c)) out.set(c, { hours: 0, money: 0, contactsMade: 0, contactsRemembered: 0, pitches: 0, advances: 0, drinksOverTwo: 0, jobSeekerAsks: 0, usefulContacts: 0, efforts: 0 });
    return out.get(c)!;
  };
  const channelOf = new Map(world.efforts.map((e) => [e.id, e.channel]));
  for (const t of world.entries) if (inPeriod(t.date, p)) at(channelOf.get(t.effortId)!).hours += t.hours;
  for (const e of world.efforts) {
    if (inPeriod(e.date, p)) {
      const t = at(e.channel);
      t.efforts += 1;
      t.money += e.money;
      t.pitches += e.pitches ?? 0;
      t.advances += e.advances ?? 0;
      t.drinksOverTwo += Math.max((e.drinks ?? 0) - 2, 0);
      t.jobSeekerAsks += e.asks ?? 0;
      t.usefulContacts += e.useful ?? 0;
    }
    if (e.dues) {
      const start = [e.joinedOn ?? e.date, p.from ?? '1970-01-01'].sort()[1];
      const end = [e.leftOn ?? p.to, p.to].sort()[0];
      const days = Math.max(0, daysBetween(start, end) + 1);
      if (days > 0) at(e.channel).money += (e.dues / 365) * days;
    }
  }
  for (const c of world.contacts) {
    if (!c.channel || !inPeriod(c.metOn, p)) continue;
    const t = at(c.channel);
    t.contactsMade += 1;
    const inbound = world.interactions.some((i) => i.contactId === c.id && i.direction === 'inbound' && (c.metOn === null || i.date >= c.metOn));
    const brought = world.opps.some((o) => o.contactId === c.id);
    if (inbound || brought) t.contactsRemembered += 1;
  }
  return out;
}

const PERIODS: Period[] = [
  { from: null, to: '2026-12-31' },
  { from: '2025-03-01', to: '2025-08-31' },
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2024-01-01', to: '2024-12-31' },
];

describe('dashboard aggregates in SQL', () => {
  for (const period of PERIODS) {
    it(`equal a brute-force computation over the same rows (${period.from ?? 'start'} → ${period.to})`, async () => {
      const sqlTotals = await getChannelTotals(ctx, period);
      const brute = bruteTotals(period);
      const keys = [...new Set([...sqlTotals.map((t) => t.channel), ...[...brute.entries()].filter(([, v]) => Object.values(v).some((x) => x > 0)).map(([k]) => k)])];
      for (const channel of keys) {
        const got = sqlTotals.find((t) => t.channel === channel);
        const want = brute.get(channel);
        expect(got, channel).toBeDefined();
        expect(want, channel).toBeDefined();
        for (const field of ['hours', 'contactsMade', 'contactsRemembered', 'pitches', 'advances', 'drinksOverTwo', 'jobSeekerAsks', 'usefulContacts', 'efforts'] as const) {
          expect(got![field], `${channel}.${field}`).toBeCloseTo(want![field], 2);
        }
        expect(got!.money, `${channel}.money`).toBeCloseTo(want!.money, 1);
      }
    });
  }

  it('lists the touches of each opportunity opened in the period, in order', async () => {
    const period = { from: null, to: '2026-12-31' };
    const got = await getOpportunityTouches(ctx, period);
    expect(got).toHaveLength(world.opps.length);
    const effortById = new Map(world.efforts.map((e) => [e.id, e]));
    for (const o of world.opps) {
      const g = got.find((x) => x.id === o.id)!;
      const contact = world.contacts.find((c) => c.id === o.contactId);
      const expected: ChannelKey[] = [];
      if (contact?.channel) expected.push(contact.channel);
      const later = world.links
        .filter((l) => l.contactId === o.contactId && l.effortId !== contact?.metThrough)
        .map((l) => effortById.get(l.effortId)!)
        .filter((e) => e.date <= o.openedOn)
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
      expected.push(...later.map((e) => e.channel));
      expect(g.touches, o.id).toEqual(expected);
      expect(g.effortChannel).toBe(o.effortId ? effortById.get(o.effortId)!.channel : null);
      expect(g.daysFromMeetingToOpen).toBe(contact?.metOn ? Math.max(0, daysBetween(contact.metOn, o.openedOn)) : null);
    }
  });

  it('sums monthly hours like the raw time entries', async () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const trend = await getMonthlyTrend(ctx, period);
    const total = trend.reduce((s, p) => s + p.hours, 0);
    const brute = world.entries.filter((t) => inPeriod(t.date, period)).reduce((s, t) => s + t.hours, 0);
    expect(total).toBeCloseTo(brute, 2);
  });

  it('reports going-cold contacts and the LinkedIn checklist gaps of this workspace only', async () => {
    await handle.db.insert(contacts).values([
      { workspaceId: ctx.workspaceId, name: 'Cold', cadenceDays: 30, lastTouchOn: '2026-01-01', metOn: '2025-12-01' },
      { workspaceId: ctx.workspaceId, name: 'Warm', cadenceDays: 30, lastTouchOn: '2026-11-20', metOn: '2025-12-01' },
      { workspaceId: otherWs, name: 'Other cold', cadenceDays: 30, lastTouchOn: '2026-01-01' },
    ]);
    await handle.db.insert(linkedinChecklists).values({ workspaceId: ctx.workspaceId, summary: true, workHistory: true, degrees: true });
    const s = await getDashboardSignals(ctx, { from: null, to: '2026-11-25' }, '2026-11-25');
    expect(s.goingCold).toBe(1);
    expect(s.linkedinMissing).toEqual(['affiliations', 'hobbies']);
    expect(s.hasAnyRecord).toBe(true);
  });

  it('counts going-cold contacts and missing thank-yous up to one past the cap', async () => {
    const { workspaceId } = (await createUserWithWorkspace({ name: 'Many', email: 'many-cold@example.com', password: 'many cold pass phrase' }))!;
    const many = { userId: ctx.userId, workspaceId, role: 'owner' as const };
    const cold = Array.from({ length: SIGNAL_CAP + 30 }, (_, i) => ({ workspaceId, name: `Cold ${i}`, cadenceDays: 30, lastTouchOn: '2026-01-01' }));
    await handle.db.insert(contacts).values(cold);
    const interviews = Array.from({ length: 40 }, (_, i) => ({ workspaceId, channel: 'interviews' as const, title: `Coffee ${i}`, date: '2026-10-01', thankYouSent: i % 4 === 0 }));
    await handle.db.insert(efforts).values(interviews);
    const s = await getDashboardSignals(many, { from: null, to: '2026-11-25' }, '2026-11-25');
    expect(s.goingCold).toBe(SIGNAL_CAP + 1);
    expect(s.coldAfterDays).toBe(30);
    expect(s.thankYousMissing).toBe(30);
  });

  it('refuses a context without read permission', async () => {
    await expect(getChannelTotals({ ...ctx, role: 'nobody' as 'owner' }, PERIODS[0])).rejects.toThrow(ForbiddenError);
  });
});
