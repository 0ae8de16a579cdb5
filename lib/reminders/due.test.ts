import { describe, expect, it } from 'vitest';
import { computeDue, isHidden, parseItemKey, type ContactCandidate, type EffortCandidate, type OpportunityCandidate } from './due';

const WS = '11111111-1111-4111-8111-111111111111';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-03-10';

const contact = (over: Partial<ContactCandidate> = {}): ContactCandidate => ({
  id: id(1),
  name: 'Ana Ruiz',
  company: 'Acme',
  cadenceDays: null,
  lastTouchOn: null,
  metOn: null,
  createdOn: '2026-01-01',
  nextFollowUpOn: null,
  ...over,
});
const interview = (over: Partial<EffortCandidate> = {}): EffortCandidate => ({
  id: id(2),
  title: 'Coffee with Lee',
  channel: 'interviews',
  date: '2026-03-01',
  thankYouSent: true,
  followUpOn: null,
  ...over,
});
const opp = (over: Partial<OpportunityCandidate> = {}): OpportunityCandidate => ({
  id: id(3),
  title: 'Brochure for BioCo',
  stage: 'talking',
  updatedOn: '2026-02-01',
  ...over,
});
const due = (input: Partial<Parameters<typeof computeDue>[0]>) =>
  computeDue({ workspaceId: WS, today: TODAY, contacts: [], efforts: [], opportunities: [], ...input });

describe('contacts', () => {
  it('is due the day after the keep-in-touch date, not on it', () => {
    // Touched 1 Mar, every 8 days: keep-in-touch date 9 Mar; going cold from 10 Mar.
    expect(due({ contacts: [contact({ cadenceDays: 8, lastTouchOn: '2026-03-01' })] })).toHaveLength(1);
    expect(due({ contacts: [contact({ cadenceDays: 9, lastTouchOn: '2026-03-01' })] })).toHaveLength(0);
    const [item] = due({ contacts: [contact({ cadenceDays: 8, lastTouchOn: '2026-03-01' })] });
    expect(item).toMatchObject({
      kind: 'contact',
      title: 'Ana Ruiz (Acme)',
      path: `/w/${WS}/contacts/${id(1)}`,
      reasons: ['No touch in 9 days; you meant to keep in touch every 8 days'],
    });
  });

  it('measures a never-touched contact from the day it was added', () => {
    expect(due({ contacts: [contact({ cadenceDays: 30, createdOn: '2026-02-01' })] })).toHaveLength(1);
    expect(due({ contacts: [contact({ cadenceDays: 30, createdOn: '2026-02-10' })] })).toHaveLength(0);
  });

  it('includes follow-up dates reached, and merges them with going cold', () => {
    expect(due({ contacts: [contact({ nextFollowUpOn: '2026-03-11' })] })).toHaveLength(0);
    expect(due({ contacts: [contact({ nextFollowUpOn: TODAY })] })[0].reasons).toEqual(['Follow-up planned for today']);
    const [both] = due({ contacts: [contact({ nextFollowUpOn: '2026-03-05', cadenceDays: 8, lastTouchOn: '2026-03-01' })] });
    expect(both.reasons).toHaveLength(2);
    expect(both.reasons[1]).toBe('Follow-up planned for 5 Mar 2026');
  });

  it('gives a new key once the contact is touched again', () => {
    const [before] = due({ contacts: [contact({ cadenceDays: 5, lastTouchOn: '2026-03-01' })] });
    const [after] = due({ today: '2026-03-20', contacts: [contact({ cadenceDays: 5, lastTouchOn: '2026-03-09' })] });
    expect(before.key).not.toBe(after.key);
    expect(parseItemKey(before.key)).toEqual({ kind: 'contact', recordId: id(1) });
  });
});

describe('interviews', () => {
  it('owes a thank-you only after two days, and never for other channels', () => {
    expect(due({ efforts: [interview({ thankYouSent: false, date: '2026-03-08' })] })).toHaveLength(0);
    expect(due({ efforts: [interview({ thankYouSent: false, date: '2026-03-07' })] })).toHaveLength(1);
    expect(due({ efforts: [interview({ thankYouSent: null, date: '2026-03-07' })] })).toHaveLength(1);
    expect(due({ efforts: [interview({ thankYouSent: false, date: '2026-03-01', channel: 'events' })] })).toHaveLength(0);
    expect(due({ efforts: [interview({ thankYouSent: true, date: '2026-03-01' })] })).toHaveLength(0);
  });

  it('includes interview follow-up dates reached', () => {
    const [item] = due({ efforts: [interview({ followUpOn: '2026-03-09' })] });
    expect(item).toMatchObject({ kind: 'effort', path: `/w/${WS}/efforts/${id(2)}`, reasons: ['Follow-up planned for 9 Mar 2026'] });
  });
});

describe('opportunities', () => {
  it('are stale after 14 days without change, in open stages only', () => {
    expect(due({ opportunities: [opp({ updatedOn: '2026-02-24' })] })).toHaveLength(0);
    expect(due({ opportunities: [opp({ updatedOn: '2026-02-23' })] })).toHaveLength(1);
    for (const stage of ['won', 'lost']) expect(due({ opportunities: [opp({ stage })] })).toHaveLength(0);
    expect(due({ opportunities: [opp({ stage: 'proposal' })] })[0].reasons[0]).toBe('No change in 37 days (stage: proposal/interview)');
  });
});

describe('snoozes', () => {
  it('hides snoozed items until the snooze ends and done items for good', () => {
    const input = { contacts: [contact({ nextFollowUpOn: '2026-03-01' })] };
    const [item] = due(input);
    expect(due({ ...input, snoozes: new Map([[item.key, '2026-03-11']]) })).toHaveLength(0);
    expect(due({ ...input, snoozes: new Map([[item.key, TODAY]]) })).toHaveLength(1);
    expect(due({ ...input, snoozes: new Map([[item.key, null]]) })).toHaveLength(0);
    expect(due({ ...input, snoozes: new Map([['c:other', null]]) })).toHaveLength(1);
    expect(isHidden(undefined, item.key, TODAY)).toBe(false);
  });

  it('orders what has waited longest first', () => {
    const items = due({
      contacts: [contact({ id: id(5), name: 'Recent', nextFollowUpOn: '2026-03-09' })],
      opportunities: [opp({ updatedOn: '2026-01-01' })],
    });
    expect(items.map((i) => i.title)).toEqual(['Brochure for BioCo', 'Recent (Acme)']);
  });
});

describe('item keys', () => {
  it('refuse anything malformed', () => {
    expect(parseItemKey('x:' + id(1) + ':-')).toBeNull();
    expect(parseItemKey('c:not-a-uuid:-')).toBeNull();
    expect(parseItemKey('c:' + id(1) + ':<script>')).toBeNull();
    expect(parseItemKey(42)).toBeNull();
    expect(parseItemKey('c:' + id(1) + ':' + 'a'.repeat(200))).toBeNull();
  });
});
