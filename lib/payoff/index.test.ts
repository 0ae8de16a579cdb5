import { describe, expect, it } from 'vitest';
import { computePayoff, recommend } from './index';
import type { ChannelKey } from './channels';
import type { ChannelTotals, OpportunityTouches, PayoffInput, Stage } from './types';

function totals(channel: ChannelKey, fields: Partial<ChannelTotals> = {}): ChannelTotals {
  return {
    channel,
    hours: 0,
    money: 0,
    contactsMade: 0,
    contactsRemembered: 0,
    pitches: 0,
    advances: 0,
    drinksOverTwo: 0,
    jobSeekerAsks: 0,
    usefulContacts: 0,
    efforts: 0,
    ...fields,
  };
}

function opp(
  id: string,
  stage: Stage,
  touches: ChannelKey[],
  values: { expected?: number; won?: number; days?: number | null; effort?: ChannelKey } = {},
): OpportunityTouches {
  return {
    id,
    stage,
    expectedValue: values.expected ?? 0,
    wonValue: values.won ?? 0,
    openedOn: '2025-03-01',
    effortChannel: values.effort ?? null,
    touches,
    daysFromMeetingToOpen: values.days ?? null,
  };
}

describe('computePayoff: thin data cannot top the table', () => {
  const steadyWins = Array.from({ length: 8 }, (_, i) =>
    opp(`v${i}`, 'won', ['volunteering'], { won: 2000, days: 20 }),
  );
  const input: PayoffInput = {
    hourlyValue: 0,
    model: 'first',
    totals: [
      // The lucky channel gets every benefit of the doubt: its one contact remembers, no drain at all.
      totals('linkedin', { hours: 2, contactsMade: 1, contactsRemembered: 1, efforts: 1 }),
      totals('volunteering', { hours: 200, contactsMade: 30, contactsRemembered: 18, efforts: 40 }),
    ],
    opportunities: [opp('lucky', 'won', ['linkedin'], { won: 2000, days: 3 }), ...steadyWins],
  };
  const result = computePayoff(input);
  const lucky = result.channels.find((c) => c.channel === 'linkedin')!;
  const steady = result.channels.find((c) => c.channel === 'volunteering')!;

  it('would rank the lucky channel first on raw value per hour', () => {
    expect(lucky.valuePerHour).toBe(1000);
    expect(steady.valuePerHour).toBe(80);
  });

  it('scores 2 h with one win of 2,000 below 200 h with 8 wins of 16,000', () => {
    expect(steady.score).toBe(71);
    expect(lucky.score).toBe(53);
    expect(result.channels.map((c) => c.channel)).toEqual(['volunteering', 'linkedin']);
  });

  it('grades and labels both channels', () => {
    expect([steady.grade, steady.confidence, steady.verdict]).toEqual(['B', 'solid', 'Pays off']);
    expect([lucky.grade, lucky.confidence, lucky.verdict]).toEqual(['C', 'thin', 'Promising']);
  });

  it('keeps the lucky channel below even when three of three contacts remember it', () => {
    const better = computePayoff({
      ...input,
      totals: [totals('linkedin', { hours: 2, contactsMade: 3, contactsRemembered: 3, efforts: 1 }), input.totals[1]!],
    });
    // 24.57 + 9.47 + 20 × (1 − e^(−0.43849/0.3)) + 9.32 = 58.72
    expect(better.channels.map((c) => [c.channel, c.score])).toEqual([
      ['volunteering', 71],
      ['linkedin', 59],
    ]);
  });
});

// The worked example of docs/payoff.md.
const worked: PayoffInput = {
  hourlyValue: 25,
  model: 'first',
  currency: 'USD',
  totals: [
    totals('volunteering', { hours: 60, money: 40, contactsMade: 12, contactsRemembered: 7, efforts: 10 }),
    totals('events', {
      hours: 18,
      money: 240,
      contactsMade: 20,
      contactsRemembered: 2,
      pitches: 11,
      advances: 2,
      drinksOverTwo: 1,
      jobSeekerAsks: 3,
      usefulContacts: 3,
      efforts: 6,
    }),
    totals('linkedin', { hours: 2.5, contactsMade: 3, contactsRemembered: 1, efforts: 4 }),
  ],
  opportunities: [
    opp('v1', 'won', ['volunteering'], { expected: 1000, won: 1200, days: 14 }),
    opp('v2', 'won', ['volunteering', 'linkedin'], { expected: 800, won: 800, days: 30 }),
    opp('v3', 'won', ['volunteering'], { expected: 2000, won: 2000, days: 45 }),
    opp('v4', 'talking', ['volunteering', 'events'], { expected: 1000, days: 60 }),
    opp('l1', 'lead', ['linkedin'], { expected: 3000, days: 9 }),
    opp('u1', 'lead', [], { expected: 500 }),
  ],
};

describe('computePayoff: worked example', () => {
  const result = computePayoff(worked);
  const byKey = Object.fromEntries(result.channels.map((c) => [c.channel, c]));

  it('ranks by score', () => {
    expect(result.channels.map((c) => [c.channel, c.score, c.grade])).toEqual([
      ['volunteering', 71, 'B'],
      ['linkedin', 22, 'F'],
      ['events', 8, 'F'],
    ]);
  });

  it('explains each score factor by factor', () => {
    expect(byKey.volunteering!.factors.map((f) => f.points)).toEqual([32, 14, 13, 12]);
    expect(byKey.linkedin!.factors.map((f) => f.points)).toEqual([0, 9, 4, 9]);
    expect(byKey.events!.factors.map((f) => f.points)).toEqual([0, 0, 2, 6]);
  });

  it('computes volunteering: cost, returns and rates', () => {
    const v = byKey.volunteering!;
    expect(v.cost).toBe(1540);
    expect(v.opportunities).toBe(4);
    expect(v.won).toBe(3);
    expect(v.wonValue).toBe(4000);
    expect(v.pipeline).toBe(250);
    expect(v.valuePerHour).toBeCloseTo(66.6667, 4);
    expect(v.oppsPer10h).toBeCloseTo(0.6667, 4);
    expect(v.rememberRate).toBeCloseTo(0.5833, 4);
    expect(v.roi).toBeCloseTo(1.5974, 4);
    expect(v.medianDaysToFirstOpportunity).toBe(37.5);
    expect([v.confidence, v.verdict]).toEqual(['solid', 'Pays off']);
  });

  it('computes events: a time drain', () => {
    const e = byKey.events!;
    expect(e.cost).toBe(690);
    expect(e.drain).toEqual({ total: 17, pitches: 11, advances: 2, drinksOverTwo: 1, jobSeekerAsks: 3 });
    expect(e.usefulContacts).toBe(3);
    expect(e.opportunities).toBe(0);
    expect(e.valuePerHour).toBe(0);
    expect(e.roi).toBe(-1);
    expect(e.medianDaysToFirstOpportunity).toBeNull();
    expect([e.confidence, e.verdict]).toEqual(['some', 'Time drain']);
  });

  it('computes LinkedIn: thin but promising', () => {
    const l = byKey.linkedin!;
    expect(l.cost).toBe(62.5);
    expect(l.pipeline).toBe(300);
    expect(l.oppsPer10h).toBe(4);
    expect(l.medianDaysToFirstOpportunity).toBe(9);
    expect([l.confidence, l.verdict]).toEqual(['thin', 'Promising']);
  });

  it('adds up the period and counts the uncredited opportunity apart', () => {
    expect(result.totals).toEqual({ hours: 80.5, money: 280, cost: 2292.5, wonValue: 4000, opportunities: 5 });
    expect(result.uncreditedOpportunities).toBe(1);
  });

  it('gives the recommendations of the worked example', () => {
    const advice = recommend({
      channels: result.channels,
      periodLabel: 'this quarter',
      currency: 'USD',
      goingCold: { count: 5, days: 60 },
      unrelatedStretch: [{ title: 'E-commerce copy' }],
      linkedinMissing: ['affiliations', 'hobbies'],
      thankYousMissing: 0,
    });
    expect(advice.map((r) => r.text)).toEqual([
      'Networking events & happy hours took 18 h and $240 this quarter, brought no opportunity and 11 pitches, 2 advances, 1 drink over two and 3 requests for work from job seekers: keep them for follow-ups with existing clients.',
      'Volunteering & favors pays off: $67 per hour — do more of it.',
      '5 contacts have gone cold (no touch in 60 days).',
      'Stretch project “E-commerce copy” is unrelated to your niche.',
      'LinkedIn looks promising: 1 opportunity from 2.5 h so far — give it another 7.5 h before judging it.',
    ]);
  });

  it('moves credit under last touch', () => {
    const last = computePayoff({ ...worked, model: 'last' });
    const credit = Object.fromEntries(
      last.channels.map((c) => [c.channel, [c.opportunities, c.won, c.wonValue, c.pipeline]]),
    );
    expect(credit).toEqual({
      volunteering: [2, 2, 3200, 0],
      linkedin: [2, 1, 800, 300],
      events: [1, 0, 0, 250],
    });
  });
});

describe('computePayoff: rows and nulls', () => {
  it('leaves out channels without any data', () => {
    const result = computePayoff({
      hourlyValue: 0,
      model: 'first',
      totals: [totals('events'), totals('interviews', { hours: 1, efforts: 1 })],
      opportunities: [],
    });
    expect(result.channels.map((c) => c.channel)).toEqual(['interviews']);
  });

  it('adds a row for a channel that only received credit', () => {
    const result = computePayoff({
      hourlyValue: 30,
      model: 'first',
      totals: [],
      opportunities: [opp('o', 'won', ['organizations'], { won: 900 })],
    });
    const org = result.channels[0]!;
    expect(org.channel).toBe('organizations');
    expect(org.name).toBe('Professional organizations & clubs');
    expect([org.hours, org.cost, org.wonValue]).toEqual([0, 0, 900]);
    expect(org.valuePerHour).toBeNull();
    expect(org.oppsPer10h).toBeNull();
    expect(org.rememberRate).toBeNull();
    expect(org.roi).toBeNull();
  });

  it('handles zero hours with money spent: per-hour rates null, ROI against money', () => {
    const result = computePayoff({
      hourlyValue: 40,
      model: 'first',
      totals: [totals('organizations', { money: 120, efforts: 1 })],
      opportunities: [],
    });
    const org = result.channels[0]!;
    expect(org.cost).toBe(120);
    expect(org.valuePerHour).toBeNull();
    expect(org.roi).toBe(-1);
    expect(org.factors.map((f) => f.raw)).toEqual([null, null, null, null]);
    expect(org.verdict).toBe('Break-even');
  });

  it('handles zero contacts: remember rate null', () => {
    const result = computePayoff({
      hourlyValue: 0,
      model: 'first',
      totals: [totals('stretch', { hours: 12, efforts: 2 })],
      opportunities: [],
    });
    const stretch = result.channels[0]!;
    expect(stretch.rememberRate).toBeNull();
    expect(stretch.factors[2]!.points).toBe(0);
    // Cost is zero without an hourly value and without money, so there is no ROI.
    expect(stretch.cost).toBe(0);
    expect(stretch.roi).toBeNull();
  });

  it('caps the remember rate at 1 when more contacts remember than were met', () => {
    const result = computePayoff({
      hourlyValue: 0,
      model: 'first',
      totals: [totals('interviews', { hours: 3, contactsMade: 2, contactsRemembered: 3, efforts: 2 })],
      opportunities: [],
    });
    expect(result.channels[0]!.rememberRate).toBe(1);
  });

  it('sums repeated rows of one channel', () => {
    const result = computePayoff({
      hourlyValue: 0,
      model: 'first',
      totals: [totals('other', { hours: 2, pitches: 1, efforts: 1 }), totals('other', { hours: 3, pitches: 2, efforts: 1 })],
      opportunities: [],
    });
    expect(result.channels).toHaveLength(1);
    expect(result.channels[0]!.hours).toBe(5);
    expect(result.channels[0]!.drain.total).toBe(3);
    expect(result.channels[0]!.efforts).toBe(2);
  });

  it('breaks equal scores by hours, most first', () => {
    // Both score 9 from drain points alone: 15 × e^(−10/41/0.5) = 9.21 and 15 × e^(−10/43/0.5) = 9.42.
    const result = computePayoff({
      hourlyValue: 0,
      model: 'first',
      totals: [totals('events', { hours: 1, efforts: 1 }), totals('linkedin', { hours: 3, efforts: 1 })],
      opportunities: [],
    });
    expect(result.channels.map((c) => [c.channel, c.score])).toEqual([
      ['linkedin', 9],
      ['events', 9],
    ]);
  });

  it('credits an effort-tied opportunity to the effort channel under every model', () => {
    for (const model of ['first', 'last', 'linear', 'position'] as const) {
      const result = computePayoff({
        hourlyValue: 0,
        model,
        totals: [totals('stretch', { hours: 20, efforts: 1 })],
        opportunities: [opp('paid', 'won', ['events', 'linkedin'], { won: 1500, effort: 'stretch' })],
      });
      expect(result.channels.map((c) => [c.channel, c.wonValue])).toEqual([['stretch', 1500]]);
    }
  });
});
