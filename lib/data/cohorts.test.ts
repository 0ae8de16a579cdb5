// Periods are investment cohorts: what was put in during a period and everything that came of it,
// whenever it arrived; paid stretch work counts once.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, efforts, opportunities, timeEntries } from '@/db/schema';
import { computePayoff } from '@/lib/payoff';
import { testDatabase } from '@/test/db';
import { getChannelTotals, getOpportunityTouches } from './dashboard';
import { createUserWithWorkspace } from './users';

const handle = testDatabase();
let ctx: { userId: string; workspaceId: string; role: 'owner' };
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const Q3 = { from: '2026-07-01', to: '2026-09-30' };

beforeAll(async () => {
  const made = await createUserWithWorkspace({ name: 'Mia', email: 'mia@example.com', password: 'a long enough password' });
  ctx = { userId: made!.user.id, workspaceId: made!.workspaceId, role: 'owner' };
  const ws = ctx.workspaceId;
  const [club] = await handle.db.insert(efforts).values({ workspaceId: ws, channel: 'organizations', title: 'Club books', date: '2026-01-10' }).returning({ id: efforts.id });
  await handle.db.insert(timeEntries).values({ workspaceId: ws, effortId: club!.id, date: '2026-01-10', hours: 12 });
  const [priya] = await handle.db
    .insert(contacts)
    .values({ workspaceId: ws, name: 'Priya', channel: 'organizations', metOn: '2026-02-01', metThroughEffortId: club!.id })
    .returning({ id: contacts.id });
  // The gig opens and is won in September, months after the hours.
  await handle.db.insert(opportunities).values({
    workspaceId: ws, title: 'Bookkeeping gig', kind: 'gig', contactId: priya!.id, stage: 'won',
    expectedValue: 1500, wonValue: 1500, openedOn: '2026-09-01', closedOn: '2026-09-20',
  });
  // Two paid stretch projects: one only typed as paid, one whose payment was also logged as a won opportunity.
  const [copy, brochure] = await handle.db
    .insert(efforts)
    .values([
      { workspaceId: ws, channel: 'stretch', title: 'Copy', date: '2026-02-10', paidAmount: 300 },
      { workspaceId: ws, channel: 'stretch', title: 'Brochure', date: '2026-03-01', paidAmount: 1800 },
    ])
    .returning({ id: efforts.id });
  await handle.db.insert(opportunities).values({
    workspaceId: ws, title: 'Brochure payment', kind: 'client', effortId: brochure!.id, stage: 'won',
    expectedValue: 1800, wonValue: 1800, openedOn: '2026-03-01', closedOn: '2026-03-15',
  });
  expect(copy).toBeTruthy();
});

describe('investment cohorts', () => {
  it('credits the gig to the quarter the club hours and the meeting were in, not the quarter it opened', async () => {
    const q1 = await getOpportunityTouches(ctx, Q1);
    const q3 = await getOpportunityTouches(ctx, Q3);
    expect(q1.find((o) => o.wonValue === 1500)?.touches).toEqual(['organizations']);
    expect(q3.find((o) => o.wonValue === 1500)).toBeUndefined();
    const payoff = computePayoff({ hourlyValue: 50, model: 'first', totals: await getChannelTotals(ctx, Q1, '2026-12-01'), opportunities: q1 });
    const club = payoff.channels.find((c) => c.channel === 'organizations')!;
    expect(club.hours).toBe(12);
    expect(club.wonValue).toBe(1500);
    expect(club.verdict).not.toBe('Time drain');
  });

  it('follows the meeting when it moves to another quarter', async () => {
    await handle.db.update(contacts).set({ metOn: '2026-08-01', metThroughEffortId: null }).where(eq(contacts.name, 'Priya'));
    expect((await getOpportunityTouches(ctx, Q1)).find((o) => o.wonValue === 1500)).toBeUndefined();
    expect((await getOpportunityTouches(ctx, Q3)).find((o) => o.wonValue === 1500)).toBeDefined();
    await handle.db.update(contacts).set({ metOn: '2026-02-01' }).where(eq(contacts.name, 'Priya'));
  });
});

describe('paid stretch work', () => {
  it('counts once as won value: the paid amount alone, or the won opportunity tied to it, never both', async () => {
    const touches = await getOpportunityTouches(ctx, Q1);
    const stretch = touches.filter((o) => o.effortChannel === 'stretch');
    expect(stretch.map((o) => o.wonValue).sort((a, b) => a - b)).toEqual([300, 1800]);
    const payoff = computePayoff({ hourlyValue: 50, model: 'last', totals: await getChannelTotals(ctx, Q1, '2026-12-01'), opportunities: touches });
    expect(payoff.channels.find((c) => c.channel === 'stretch')!.wonValue).toBe(2100);
  });

  it('keeps other workspaces out', async () => {
    const other = await createUserWithWorkspace({ name: 'Noa', email: 'noa@example.com', password: 'a long enough password' });
    const octx = { userId: other!.user.id, workspaceId: other!.workspaceId, role: 'owner' as const };
    expect(await getOpportunityTouches(octx, Q1)).toEqual([]);
  });
});
