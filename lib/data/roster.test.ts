import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { activityLog, contacts, efforts, memberships, opportunities, timeEntries, users, workspaces, type Role } from '@/db/schema';
import { addDays, today as todayOf } from '@/lib/dates';
import { parseRosterView } from '@/lib/schemas/team';
import { setupTestDatabase } from '@/lib/test/db';
import { getRoster, sortRoster, type RosterRow } from './roster';

let handle: DbHandle;
let seq = 0;
const today = todayOf();

beforeAll(async () => {
  handle = await setupTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function person(name: string) {
  seq += 1;
  const [u] = await handle.db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}-${seq}@example.com`, passwordHash: 'not used' })
    .returning({ id: users.id });
  return u.id;
}

async function workspace(name: string, members: Array<[string, Role]>) {
  const [ws] = await handle.db.insert(workspaces).values({ name }).returning({ id: workspaces.id });
  for (const [userId, role] of members) await handle.db.insert(memberships).values({ workspaceId: ws.id, userId, role });
  return ws.id;
}

async function effort(workspaceId: string, channel: 'events' | 'interviews', hours: number, date = today) {
  const [e] = await handle.db.insert(efforts).values({ workspaceId, channel, title: channel, date, hours }).returning({ id: efforts.id });
  await handle.db.insert(timeEntries).values({ workspaceId, effortId: e.id, date, hours });
  return e.id;
}

describe('roster', () => {
  it('shows each visible workspace side by side with the team aggregate, and nothing else', async () => {
    const coach = await person('Coach');
    const ann = await person('Ann');
    const ben = await person('Ben');
    const stranger = await person('Stranger');
    const own = await workspace("Coach's workspace", [[coach, 'owner']]);
    const a = await workspace("Ann's search", [[ann, 'owner'], [coach, 'coach']]);
    const b = await workspace("Ben's freelancing", [[ben, 'owner'], [coach, 'coach']]);
    const hidden = await workspace('Not shared', [[stranger, 'owner']]);

    await effort(a, 'events', 4);
    const interview = await effort(b, 'interviews', 1.5);
    await effort(b, 'interviews', 2, addDays(today, -200));
    await effort(hidden, 'events', 99);
    // Last month's hours do not count as this month's.
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1);
    await effort(a, 'events', 3, lastMonth);
    await handle.db.insert(opportunities).values([
      { workspaceId: b, title: 'Won recently', kind: 'client', stage: 'won', wonValue: 900, openedOn: addDays(today, -20), closedOn: addDays(today, -5), effortId: interview },
      { workspaceId: b, title: 'Won long ago', kind: 'client', stage: 'won', wonValue: 500, openedOn: addDays(today, -300), closedOn: addDays(today, -200) },
      { workspaceId: b, title: 'Still open', kind: 'gig', stage: 'talking', openedOn: addDays(today, -3) },
    ]);
    await handle.db.insert(contacts).values([
      { workspaceId: a, name: 'Cold', cadenceDays: 7, metOn: addDays(today, -30) },
      { workspaceId: a, name: 'Touched', cadenceDays: 7, metOn: addDays(today, -30), lastTouchOn: addDays(today, -2) },
      { workspaceId: a, name: 'No cadence', metOn: addDays(today, -300) },
      { workspaceId: b, name: 'Also cold', cadenceDays: 30, metOn: addDays(today, -100), lastTouchOn: addDays(today, -31) },
    ]);
    const when = new Date('2026-02-01T10:00:00Z');
    await handle.db.insert(activityLog).values({ workspaceId: a, userId: ann, action: 'effort.create', at: when });

    const roster = await getRoster(coach, { today });
    expect(roster.rows.map((r) => r.workspaceId).sort()).toEqual([own, a, b].sort());
    const byId = Object.fromEntries(roster.rows.map((r) => [r.workspaceId, r])) as Record<string, RosterRow>;
    const lastMonthInPeriod = lastMonth >= addDays(today, -89);

    expect(byId[a]).toMatchObject({ ownerName: 'Ann', workspaceName: "Ann's search", role: 'coach', hoursThisMonth: 4, wins: 0, goingCold: 1 });
    expect(byId[a].lastActivity?.toISOString()).toBe(when.toISOString());
    expect(byId[a].grades.events?.hours).toBe(lastMonthInPeriod ? 7 : 4);
    expect(byId[a].grades.interviews).toBeUndefined();

    expect(byId[b]).toMatchObject({ ownerName: 'Ben', hoursThisMonth: 1.5, wins: 1, goingCold: 1, lastActivity: null });
    expect(byId[b].grades.interviews?.grade).toMatch(/^[A-F]$/);
    expect(byId[own]).toMatchObject({ ownerName: 'Coach', role: 'owner', hoursThisMonth: 0, wins: 0, goingCold: 0, grades: {} });

    expect(roster.team).toMatchObject({ hoursThisMonth: 5.5, wins: 1, goingCold: 2 });
    expect(Object.keys(roster.team.grades).sort()).toEqual(['events', 'interviews']);
    expect(roster.team.grades.events?.hours).toBe(byId[a].grades.events?.hours);
    expect(roster.team.lastActivity?.toISOString()).toBe(when.toISOString());
  });

  it('drops a workspace as soon as the membership is removed', async () => {
    const coach = await person('Coach');
    const owner = await person('Dee');
    const ws = await workspace("Dee's search", [[owner, 'owner'], [coach, 'coach']]);
    expect((await getRoster(coach, { today })).rows.map((r) => r.workspaceId)).toEqual([ws]);
    await handle.db.delete(memberships).where(eq(memberships.userId, coach));
    expect((await getRoster(coach, { today })).rows).toEqual([]);
  });
});

describe('sorting the roster', () => {
  const row = (over: Partial<RosterRow>): RosterRow => ({
    workspaceId: over.workspaceName ?? 'x',
    workspaceName: 'x',
    ownerName: 'x',
    role: 'coach',
    currency: 'USD',
    grades: {},
    hoursThisMonth: 0,
    wins: 0,
    goingCold: 0,
    lastActivity: null,
    ...over,
  });
  const rows = [
    row({ workspaceName: 'B', ownerName: 'zoe', hoursThisMonth: 5, wins: 2, grades: { events: { grade: 'C', verdict: 'Break-even', score: 50, hours: 1 } } }),
    row({ workspaceName: 'A', ownerName: 'Adam', hoursThisMonth: 9, lastActivity: new Date('2026-01-01') }),
    row({ workspaceName: 'C', ownerName: null, hoursThisMonth: 1, grades: { events: { grade: 'A', verdict: 'Pays off', score: 90, hours: 1 } } }),
  ];
  const order = (q: Record<string, string>) => sortRoster(rows, parseRosterView(q)).map((r) => r.workspaceName);

  it('sorts by every allow-listed column in either direction, empty values last', () => {
    expect(order({})).toEqual(['A', 'B', 'C']);
    expect(order({ sort: 'person', dir: 'desc' })).toEqual(['B', 'A', 'C']);
    expect(order({ sort: 'hours', dir: 'desc' })).toEqual(['A', 'B', 'C']);
    expect(order({ sort: 'hours' })).toEqual(['C', 'B', 'A']);
    expect(order({ sort: 'wins', dir: 'desc' })).toEqual(['B', 'A', 'C']);
    expect(order({ sort: 'events', dir: 'desc' })).toEqual(['C', 'B', 'A']);
    expect(order({ sort: 'events' })).toEqual(['B', 'C', 'A']);
    expect(order({ sort: 'activity', dir: 'desc' })).toEqual(['A', 'B', 'C']);
    expect(order({ sort: 'workspace', dir: 'desc' })).toEqual(['C', 'B', 'A']);
  });

  it('falls back to the default for unknown parameters', () => {
    expect(parseRosterView({ sort: 'password_hash', dir: 'sideways' })).toEqual({ sort: 'person', dir: 'asc' });
    expect(parseRosterView({ sort: ['hours', 'wins'] })).toEqual({ sort: 'person', dir: 'asc' });
  });
});
