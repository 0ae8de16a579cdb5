import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFeeds, memberships } from '@/db/schema';
import { buildCalendar } from '@/lib/ics';
import type { ContactInput } from '@/lib/schemas/contact';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { contactInput } from '@/test/records';
import { deleteCalendarFeed, listFeedEvents, regenerateCalendarFeed, userForFeedToken } from './calendar';
import { createContact } from './contacts';
import type { WorkspaceCtx } from './context';
import { createEffort } from './efforts';

const handle = testDatabase();
let ana: WorkspaceCtx;
let ben: WorkspaceCtx;
const ORIGIN = 'https://groundwork.test';
const TODAY = '2026-03-01';

const contact = (name: string, extra: Partial<ContactInput>) => contactInput(name, { company: 'Acme, Inc.', ...extra });

beforeAll(async () => {
  ana = await signUpOwner('Ana');
  ben = await signUpOwner('Ben');
  await createContact(ana, contact('Zoë; "Z", Ødegård', { nextFollowUpOn: '2026-03-10', metOn: '2026-02-01', cadenceDays: 30 }));
  await createContact(ana, contact('Long Ago', { nextFollowUpOn: '2020-01-01' }));
  await createEffort(ana, {
    channel: 'interviews',
    title: 'Coffee with Kai',
    date: '2026-02-20',
    hours: 0.5,
    moneySpent: null,
    notes: '',
    contactIds: [],
    person: 'Kai Rahn',
    company: '',
    personRole: '',
    questions: '',
    learned: '',
    thankYouSent: false,
    followUpOn: '2026-03-05',
  });
  await createContact(ben, contact('Ben’s client', { nextFollowUpOn: '2026-03-15' }));
});

describe('calendar feed tokens', () => {
  it('stores only a hash, and regenerating kills the old URL', async () => {
    const first = await regenerateCalendarFeed(ana.userId);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await userForFeedToken(first)).toBe(ana.userId);
    const [row] = await handle.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, ana.userId));
    expect(row.tokenHash).not.toContain(first);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const second = await regenerateCalendarFeed(ana.userId);
    expect(second).not.toBe(first);
    expect(await userForFeedToken(first)).toBeNull();
    expect(await userForFeedToken(second)).toBe(ana.userId);

    await deleteCalendarFeed(ana.userId);
    expect(await userForFeedToken(second)).toBeNull();
  });

  it('answers null for unknown and malformed tokens', async () => {
    expect(await userForFeedToken('A'.repeat(43))).toBeNull();
    expect(await userForFeedToken("x' or 1=1 --")).toBeNull();
    expect(await userForFeedToken('')).toBeNull();
  });
});

describe('calendar feed events', () => {
  it('lists follow-ups, interview follow-ups and keep-in-touch dates of the user’s workspaces only', async () => {
    const events = await listFeedEvents(ana.userId, { origin: ORIGIN, today: TODAY });
    expect(events.map((e) => [e.date, e.kind, e.summary])).toEqual([
      ['2026-03-03', 'keep-in-touch', 'Keep in touch with Zoë; "Z", Ødegård (Acme, Inc.)'],
      ['2026-03-05', 'interview-follow-up', 'Follow up: Coffee with Kai'],
      ['2026-03-10', 'follow-up', 'Follow up with Zoë; "Z", Ødegård (Acme, Inc.)'],
    ]);
    expect(events.every((e) => e.uid.endsWith('@groundwork'))).toBe(true);
    expect(events[2].url).toMatch(new RegExp(`^${ORIGIN}/w/${ana.workspaceId}/contacts/`));
    // UIDs are stable from one fetch to the next.
    expect((await listFeedEvents(ana.userId, { origin: ORIGIN, today: TODAY })).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it('follows membership: a shared workspace appears, and disappears when the member is removed', async () => {
    await handle.db.insert(memberships).values({ workspaceId: ben.workspaceId, userId: ana.userId, role: 'coach' });
    expect((await listFeedEvents(ana.userId, { origin: ORIGIN, today: TODAY })).map((e) => e.summary)).toContain(
      'Follow up with Ben’s client (Acme, Inc.)',
    );
    await handle.db.delete(memberships).where(and(eq(memberships.workspaceId, ben.workspaceId), eq(memberships.userId, ana.userId)));
    expect((await listFeedEvents(ana.userId, { origin: ORIGIN, today: TODAY })).map((e) => e.summary)).not.toContain(
      'Follow up with Ben’s client (Acme, Inc.)',
    );
  });

  it('renders as a valid calendar', async () => {
    const events = await listFeedEvents(ana.userId, { origin: ORIGIN, today: TODAY });
    const ics = buildCalendar({ name: 'Groundwork follow-ups', events });
    const parsed = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(parsed.map((e) => [e.startDate.toString(), e.summary])).toEqual(events.map((e) => [e.date, e.summary]));
  });
});
