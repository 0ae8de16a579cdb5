import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { comments, contacts, efforts, interactions, memberships, opportunities, timeEntries, weeklyGoals, type Role } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { addDays, today as todayOf } from '@/lib/dates';
import { parseRosterView } from '@/lib/schemas/team';
import { testDatabase } from '@/test/db';
import { addPerson, addWorkspace } from '@/test/people';
import { attentionOf, getRoster, sortRoster, type RosterRow } from './roster';
import { rosterCsv } from './roster-csv';

const handle = testDatabase();
const today = todayOf();

const person = async (name: string) => (await addPerson(handle, name)).id;
const workspace = (name: string, members: Array<[string, Role]>, currency = 'USD') => addWorkspace(handle, members, { name, currency, hourlyValue: 50 });

type Channel = 'events' | 'interviews' | 'organizations';
async function effort(workspaceId: string, channel: Channel, hours: number, date = today, extra: Partial<typeof efforts.$inferInsert> = {}) {
  const [e] = await handle.db.insert(efforts).values({ workspaceId, channel, title: channel, date, hours, ...extra }).returning({ id: efforts.id });
  await handle.db.insert(timeEntries).values({ workspaceId, effortId: e.id, date, hours });
  return e.id;
}

/** A client who met a contact through `channel` and won `value` from them. */
async function win(workspaceId: string, channel: Channel, value: number, daysAgo = 60) {
  const eff = await effort(workspaceId, channel, 5, addDays(today, -daysAgo - 30));
  const [c] = await handle.db
    .insert(contacts)
    .values({ workspaceId, name: 'Met', channel, metOn: addDays(today, -daysAgo - 30), metThroughEffortId: eff })
    .returning({ id: contacts.id });
  await handle.db.insert(opportunities).values({
    workspaceId, title: 'Won', kind: 'client', contactId: c.id, stage: 'won', expectedValue: value, wonValue: value,
    openedOn: addDays(today, -daysAgo), closedOn: addDays(today, -daysAgo + 10),
  });
}

describe('the roster', () => {
  it('lists the workspaces shared with the user as clients, their own apart and only with records', async () => {
    const coach = await person('Coach');
    const ann = await person('Ann');
    const ben = await person('Ben');
    const cy = await person('Cy');
    const stranger = await person('Stranger');
    const own = await workspace("Coach's workspace", [[coach, 'owner']]);
    const a = await workspace("Ann's search", [[ann, 'owner'], [coach, 'coach']]);
    const b = await workspace("Ben's freelancing", [[ben, 'owner'], [coach, 'viewer']]);
    const c = await workspace("Cy's studio", [[cy, 'owner'], [coach, 'editor']]);
    await workspace('Not shared', [[stranger, 'owner']]);

    let roster = await getRoster(coach, { today });
    expect(roster.clients.map((r) => r.workspaceId).sort()).toEqual([a, b, c].sort());
    // The coach's own empty workspace is not a client, and not shown either.
    expect(roster.own).toEqual([]);

    await effort(own, 'events', 1);
    roster = await getRoster(coach, { today });
    expect(roster.own.map((r) => r.workspaceId)).toEqual([own]);
    expect(roster.clients.some((r) => r.workspaceId === own)).toBe(false);
  });

  it('counts each client over rolling windows, with the one going-cold rule', async () => {
    const coach = await person('Coach');
    const ann = await person('Ann');
    const a = await workspace("Ann's search", [[ann, 'owner'], [coach, 'coach']]);
    // 2 h in the last four weeks, 9 h in the four before; early in a month, month-to-date would say 0.
    await effort(a, 'events', 2, addDays(today, -27));
    await effort(a, 'organizations', 9, addDays(today, -30));
    await effort(a, 'events', 40, addDays(today, -60));
    const interview = await effort(a, 'interviews', 1, addDays(today, -21), { followUpOn: addDays(today, -2) });
    const [met] = await handle.db
      .insert(contacts)
      .values([
        { workspaceId: a, name: 'Cold', cadenceDays: 7, metOn: addDays(today, -30) },
        { workspaceId: a, name: 'Touched', cadenceDays: 7, metOn: addDays(today, -30), lastTouchOn: addDays(today, -2) },
        { workspaceId: a, name: 'Follow up late', nextFollowUpOn: addDays(today, -1) },
        { workspaceId: a, name: 'Follow up today', nextFollowUpOn: today },
      ])
      .returning({ id: contacts.id });
    await handle.db.insert(interactions).values({ workspaceId: a, contactId: met.id, date: addDays(today, -20), kind: 'call', direction: 'outbound' });
    // Stamped on the app's clock, as the app's own writes are (the run may set the clock to another day).
    const at = (days: number) => new Date(clockNow().getTime() + days * 86_400_000);
    await handle.db.insert(opportunities).values([
      { workspaceId: a, title: 'New lead', kind: 'gig', stage: 'lead', openedOn: addDays(today, -3), updatedAt: at(-3) },
      { workspaceId: a, title: 'Stuck', kind: 'gig', stage: 'talking', openedOn: addDays(today, -50), updatedAt: at(-30) },
      { workspaceId: a, title: 'Lost', kind: 'gig', stage: 'lost', openedOn: addDays(today, -10), effortId: interview, updatedAt: at(-10) },
    ]);
    await handle.db.insert(comments).values([
      { workspaceId: a, authorId: ann, entity: 'dashboard', body: 'Can we talk about clubs?', createdAt: at(-1) },
      { workspaceId: a, authorId: coach, entity: 'dashboard', body: 'My own comment is not news to me', createdAt: at(-1) },
    ]);

    const [row] = (await getRoster(coach, { today })).clients;
    expect(row).toMatchObject({
      ownerName: 'Ann',
      lastActivity: addDays(today, -20),
      hoursRecent: 3,
      hoursBefore: 9,
      goingCold: 1,
      followUpsOverdue: 2,
      opportunitiesOpened: 2,
      opportunitiesOpen: 2,
      opportunitiesStalled: 1,
      newComments: 1,
    });
    expect(row.attention.reasons).toEqual([
      'no activity for 2 weeks',
      'hours down from 9 h to 3 h over four weeks',
      '2 follow-ups overdue',
      '1 opportunity stalled',
      '1 contact going cold',
      '1 new comment',
    ]);
    expect(row.best).not.toBeNull();
    expect(row.weakest).not.toBeNull();
  });

  it('pools channels only across three or more clients, and uses the pool as their prior', async () => {
    const coach = await person('Coach');
    const owners = await Promise.all(['Ann', 'Ben', 'Cy'].map(person));
    const [a, b] = [
      await workspace('A', [[owners[0], 'owner'], [coach, 'coach']]),
      await workspace('B', [[owners[1], 'owner'], [coach, 'coach']]),
    ];
    await win(a, 'interviews', 4000);
    await win(b, 'interviews', 3000);
    await effort(a, 'events', 10, addDays(today, -100));

    const two = await getRoster(coach, { today });
    expect(two.poolSize).toBe(0);
    expect(two.benchmarks.every((x) => x.withheld && x.value === null)).toBe(true);
    expect(two.clients.every((r) => !r.pooledPrior)).toBe(true);
    const aAlone = two.clients.find((r) => r.workspaceId === a)!.channels.events!;

    const c = await workspace('C', [[owners[2], 'owner'], [coach, 'coach']]);
    await win(c, 'interviews', 3500);
    await effort(c, 'events', 2, addDays(today, -100));
    // A client in another currency stays out of the pool.
    const other = await workspace('D', [[await person('Dee'), 'owner'], [coach, 'coach']], 'EUR');
    await win(other, 'interviews', 99_000);

    const three = await getRoster(coach, { today });
    expect(three.poolSize).toBe(3);
    expect(three.outsidePool).toBe(1);
    const interviews = three.benchmarks.find((x) => x.channel === 'interviews')!;
    expect(interviews).toMatchObject({ workspaces: 3, withheld: false, paysOff: expect.any(Number) });
    expect(interviews.value!.estimate).toBeGreaterThan(0);
    // Events are worked by two of the three: withheld.
    expect(three.benchmarks.find((x) => x.channel === 'events')).toMatchObject({ workspaces: 2, withheld: true, value: null });
    const aPooled = three.clients.find((r) => r.workspaceId === a)!;
    expect(aPooled.pooledPrior).toBe(true);
    expect(three.clients.find((r) => r.workspaceId === other)!.pooledPrior).toBe(false);
    expect(aPooled.channels.events!.value.estimate).not.toBeCloseTo(aAlone.value.estimate, 6);
  });

  it('drops a client on the next request once the membership is removed', async () => {
    const coach = await person('Coach');
    const owner = await person('Dee');
    const ws = await workspace("Dee's search", [[owner, 'owner'], [coach, 'coach']]);
    expect((await getRoster(coach, { today })).clients.map((r) => r.workspaceId)).toEqual([ws]);
    await handle.db.delete(memberships).where(eq(memberships.userId, coach));
    expect((await getRoster(coach, { today })).clients).toEqual([]);
  });

  it('shows each client’s weekly goals with this week’s progress, and exports the same rows', async () => {
    const coach = await person('Coach');
    const owner = await person('Eve');
    const ws = await workspace("Eve's search", [[owner, 'owner'], [coach, 'coach']]);
    await handle.db.insert(weeklyGoals).values([
      { workspaceId: ws, channel: 'interviews', measure: 'efforts', target: 2 },
      { workspaceId: ws, channel: 'organizations', measure: 'hours', target: 5 },
    ]);
    await effort(ws, 'interviews', 1, addDays(today, -1));
    await effort(ws, 'interviews', 1, addDays(today, -8));
    await effort(ws, 'organizations', 6, addDays(today, -6));
    const [row] = (await getRoster(coach, { today })).clients;
    expect(row.goals.map((g) => [g.progress, g.met])).toEqual([
      ['1 of 2 informational interviews a week', false],
      ['6 of 5 h of Professional organizations & clubs a week', true],
    ]);
    expect(row.attention.reasons).toContain('behind on 1 of 2 weekly goals');

    let csv = '';
    for await (const line of rosterCsv(coach, parseRosterView({}), today)) csv += line;
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Client,Workspace,Your role,Needs attention,/);
    expect(lines[1]).toContain('Eve,Eve\'s search,coach,');
    expect(lines[1]).toContain('1 of 2 informational interviews a week');
  });
});

describe('needs attention', () => {
  const quiet = { lastActivity: today, hasRecords: true, hoursRecent: 4, hoursBefore: 4, followUpsOverdue: 0, opportunitiesStalled: 0, goingCold: 0, newComments: 0 };

  it('says why in words, the weightiest reason first', () => {
    expect(attentionOf(quiet, [], today)).toEqual({ score: 0, reasons: [] });
    expect(attentionOf({ ...quiet, lastActivity: addDays(today, -22) }, [], today).reasons).toEqual(['no activity for 3 weeks']);
    expect(attentionOf({ ...quiet, lastActivity: addDays(today, -13) }, [], today).reasons).toEqual([]);
    expect(attentionOf({ ...quiet, followUpsOverdue: 4, goingCold: 1 }, [], today).reasons).toEqual(['4 follow-ups overdue', '1 contact going cold']);
    expect(attentionOf({ ...quiet, hasRecords: false, lastActivity: null }, [{ met: false }], today).reasons).toEqual(['nothing logged yet', 'behind on the weekly goal']);
  });

  it('ranks a client silent for weeks above one with a contact going cold', () => {
    const silent = attentionOf({ ...quiet, lastActivity: addDays(today, -21) }, [], today);
    const cold = attentionOf({ ...quiet, goingCold: 3 }, [], today);
    expect(silent.score).toBeGreaterThan(cold.score);
  });
});

describe('sorting and filtering the roster', () => {
  const row = (over: Partial<RosterRow>): RosterRow => ({
    workspaceId: over.workspaceName ?? 'x',
    workspaceName: 'x',
    ownerName: 'x',
    role: 'coach',
    currency: 'USD',
    hourlyValue: 0,
    dataVersion: 0,
    lastActivity: null,
    hoursRecent: 0,
    hoursBefore: 0,
    goingCold: 0,
    followUpsOverdue: 0,
    opportunitiesOpened: 0,
    opportunitiesOpen: 0,
    opportunitiesStalled: 0,
    newComments: 0,
    hasRecords: true,
    best: null,
    weakest: null,
    channels: {},
    goals: [],
    attention: { score: 0, reasons: [] },
    pooledPrior: false,
    ...over,
  });
  const rows = [
    row({ workspaceName: 'B', ownerName: 'zoe', hoursRecent: 5, hoursBefore: 1, attention: { score: 2, reasons: ['x'] }, lastActivity: '2026-01-05' }),
    row({ workspaceName: 'A', ownerName: 'Adam', hoursRecent: 9, hoursBefore: 20, attention: { score: 7, reasons: ['y'] }, followUpsOverdue: 3 }),
    row({ workspaceName: 'C', ownerName: null, hoursRecent: 1, lastActivity: '2026-01-01', goingCold: 4 }),
  ];
  const order = (q: Record<string, string>) => sortRoster(rows, parseRosterView(q)).map((r) => r.workspaceName);

  it('puts whoever needs attention most first by default, and sorts by every allow-listed key', () => {
    expect(order({})).toEqual(['A', 'B', 'C']);
    expect(order({ sort: 'person' })).toEqual(['A', 'C', 'B']);
    expect(order({ sort: 'hours' })).toEqual(['A', 'B', 'C']);
    expect(order({ sort: 'trend' })).toEqual(['A', 'C', 'B']);
    // Oldest activity first; nothing logged at all goes last.
    expect(order({ sort: 'activity' })).toEqual(['C', 'B', 'A']);
    expect(order({ sort: 'cold' })).toEqual(['C', 'A', 'B']);
    expect(order({ sort: 'overdue' })).toEqual(['A', 'C', 'B']);
    expect(order({ sort: 'hours', dir: 'asc' })).toEqual(['C', 'B', 'A']);
  });

  it('filters by the client’s name or workspace name', () => {
    expect(order({ q: 'ZO' })).toEqual(['B']);
    expect(order({ q: 'c' })).toEqual(['C']);
    expect(order({ q: 'nobody' })).toEqual([]);
  });

  it('falls back to the default for unknown parameters', () => {
    expect(parseRosterView({ sort: 'password_hash', dir: 'sideways' })).toEqual({ sort: 'attention', dir: 'desc', q: '' });
    expect(parseRosterView({ sort: ['hours', 'wins'], q: `${'a'.repeat(300)}\u0000` })).toEqual({ sort: 'attention', dir: 'desc', q: 'a'.repeat(100) });
  });
});
