// One definition of each rule: the SQL functions agree with lib/rules.ts, and one data set reads the
// same on every screen that counts it (dashboard, contacts list, roster, due today, exports).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, efforts, interactions, opportunities } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { addDays, today as todayIso } from '@/lib/dates';
import { contactDueOn, drinksPastLimit, isGoingCold, type CadenceFacts } from '@/lib/rules';
import { testDatabase } from '@/test/db';
import { countGoingCold, listContacts } from './contacts';
import { getChannelTotals, getDashboardSignals } from './dashboard';
import { contactsCsv } from './export';
import { listDueToday } from './reminders/due';
import { getRoster } from './roster';
import { createUserWithWorkspace } from './users';

const handle = testDatabase();
let ctx: { userId: string; workspaceId: string; role: 'owner' };
const today = todayIso();

beforeAll(async () => {
  const made = await createUserWithWorkspace({ name: 'Rita', email: 'rita@example.com', password: 'a long enough password' });
  ctx = { userId: made!.user.id, workspaceId: made!.workspaceId, role: 'owner' };
});

async function scalar<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = (await handle.db.execute(query)) as unknown as { rows: Array<{ v: T }> };
  return result.rows[0]!.v;
}

describe('TypeScript and SQL say each rule the same way', () => {
  it('drinks past the limit', async () => {
    for (const drinks of [null, 0, 1, 2, 3, 4, 12]) {
      expect(Number(await scalar(sql`select drinks_past_limit(${drinks}::integer) as v`))).toBe(drinksPastLimit(drinks));
    }
  });

  it('the keep-in-touch date, and so going cold', async () => {
    const cases: CadenceFacts[] = [
      { lastTouchOn: null, metOn: null, createdOn: '2026-01-31', cadenceDays: 30 },
      { lastTouchOn: null, metOn: '2025-12-01', createdOn: '2026-01-31', cadenceDays: 30 },
      { lastTouchOn: '2026-02-28', metOn: '2025-12-01', createdOn: '2025-01-01', cadenceDays: 1 },
      { lastTouchOn: '2024-02-28', metOn: null, createdOn: '2024-01-01', cadenceDays: 366 },
      { lastTouchOn: null, metOn: null, createdOn: '2026-12-31', cadenceDays: null },
    ];
    for (const c of cases) {
      // The day added is read in UTC: late evening in a zone behind UTC is already the next day.
      const createdAt = `${c.createdOn}T23:30:00Z`;
      const due = await scalar<string | null>(
        sql`select contact_due_on(${c.lastTouchOn}::date, ${c.metOn}::date, ${createdAt}::timestamptz, ${c.cadenceDays}::integer)::text as v`,
      );
      expect(due).toBe(contactDueOn(c));
      if (due) expect(isGoingCold(c, addDays(due, 1))).toBe(true);
      if (due) expect(isGoingCold(c, due)).toBe(false);
    }
  });
});

describe('one data set, the same counts on every screen', () => {
  beforeAll(async () => {
    const ws = ctx.workspaceId;
    const [club] = await handle.db
      .insert(efforts)
      .values({ workspaceId: ws, channel: 'organizations', title: 'Freelancers club', date: addDays(today, -200) })
      .returning({ id: efforts.id });
    const people = await handle.db
      .insert(contacts)
      .values([
        // Cold: touched 100 days ago, every 60 days.
        { workspaceId: ws, name: 'Cold one', channel: 'organizations', metOn: addDays(today, -200), lastTouchOn: addDays(today, -100), cadenceDays: 60 },
        { workspaceId: ws, name: 'Cold two', channel: 'organizations', metOn: addDays(today, -150), lastTouchOn: addDays(today, -61), cadenceDays: 60 },
        // Due exactly today: not cold yet.
        { workspaceId: ws, name: 'Due today', channel: 'events', metOn: addDays(today, -90), lastTouchOn: addDays(today, -60), cadenceDays: 60 },
        // Never touched since meeting 300 days ago: meeting was the last touch, so it is cold.
        { workspaceId: ws, name: 'Met long ago', channel: 'events', metOn: addDays(today, -300), cadenceDays: 30 },
        // Added today with no meeting date: its cadence runs from the day it was added.
        { workspaceId: ws, name: 'Just added', cadenceDays: 30, createdAt: clockNow() },
        // Remembers you by reaching out, and by bringing an opportunity.
        { workspaceId: ws, name: 'Wrote back', channel: 'interviews', metOn: addDays(today, -120), lastTouchOn: addDays(today, -10), cadenceDays: 90 },
        { workspaceId: ws, name: 'Brought a gig', channel: 'organizations', metOn: addDays(today, -190), lastTouchOn: addDays(today, -5), metThroughEffortId: club!.id },
      ])
      .returning({ id: contacts.id, name: contacts.name });
    const id = (name: string) => people.find((p) => p.name === name)!.id;
    await handle.db.insert(interactions).values({ workspaceId: ws, contactId: id('Wrote back'), date: addDays(today, -10), kind: 'email', direction: 'inbound' });
    await handle.db.insert(opportunities).values({
      workspaceId: ws, title: 'Bookkeeping gig', kind: 'gig', contactId: id('Brought a gig'), stage: 'won',
      expectedValue: 1500, wonValue: 1500, openedOn: addDays(today, -60), closedOn: addDays(today, -30),
    });
  });

  it('going cold: dashboard, contacts list, roster, due today and the export agree', async () => {
    const period = { from: addDays(today, -364), to: today };
    const signals = await getDashboardSignals(ctx, period, today);
    const listed = await listContacts(ctx, { goingCold: true, today, limit: 50 });
    const counted = await countGoingCold(ctx, { today });
    const roster = (await getRoster(ctx.userId, { today })).own.find((r) => r.workspaceId === ctx.workspaceId);
    const due = await listDueToday(ctx);
    let csv = '';
    for await (const chunk of contactsCsv(ctx, { goingCold: true, today })) csv += chunk;
    const coldNames = listed.items.map((c) => c.name).sort();
    expect(coldNames).toEqual(['Cold one', 'Cold two', 'Met long ago']);
    expect(signals.goingCold).toBe(3);
    expect(counted).toBe(3);
    expect(roster!.goingCold).toBe(3);
    expect(due.items.filter((i) => i.kind === 'contact' && i.reasons.some((r) => r.startsWith('No touch'))).map((i) => i.title).sort()).toEqual(coldNames);
    expect(csv.trim().split('\n').length - 1).toBe(3);
  });

  it('remembered: the dashboard and the contacts list count the same people', async () => {
    const totals = await getChannelTotals(ctx, { from: null, to: today }, today);
    const listed = await listContacts(ctx, { limit: 50, today });
    const rememberedOnList = listed.items.filter((c) => c.remembersYou).map((c) => c.name).sort();
    expect(rememberedOnList).toEqual(['Brought a gig', 'Wrote back']);
    expect(totals.reduce((s, t) => s + t.contactsRemembered, 0)).toBe(rememberedOnList.length);
  });
});
