import { describe, expect, it } from 'vitest';
import { computePayoff, emptyTotals, recommend, RECOMMENDATIONS_SHOWN } from './index';
import type { ChannelKey } from './channels';
import type { ChannelTotals, OpportunityTouches, PayoffInput, Stage } from './types';

function totals(channel: ChannelKey, fields: Partial<ChannelTotals> = {}): ChannelTotals {
  return { ...emptyTotals(channel), ...fields };
}

function opp(id: string, stage: Stage, touches: ChannelKey[], values: { expected?: number; won?: number; days?: number | null; effort?: ChannelKey } = {}): OpportunityTouches {
  return {
    id, stage, expectedValue: values.expected ?? 0, wonValue: values.won ?? 0, openedOn: '2025-03-01',
    effortChannel: values.effort ?? null, touches, daysFromMeetingToOpen: values.days ?? null,
  };
}

/** The freelance writer's year: happy hours, a club, a favor, a stretch project, interviews, LinkedIn. */
const story: PayoffInput = {
  hourlyValue: 50,
  model: 'first',
  currency: 'USD',
  totals: [
    totals('events', { hours: 9, money: 135, pitches: 12, advances: 3, drinksOverTwo: 4, jobSeekerAsks: 5, contactsMade: 6, efforts: 4 }),
    totals('organizations', { hours: 12, contactsMade: 2, contactsRemembered: 1, efforts: 1 }),
    totals('volunteering', { hours: 6, contactsMade: 1, contactsRemembered: 1, efforts: 1 }),
    totals('stretch', { hours: 30, contactsMade: 1, contactsRemembered: 1, efforts: 2 }),
    totals('interviews', { hours: 3, contactsMade: 3, efforts: 3, maturingHours: 1 }),
    totals('linkedin', { hours: 4, efforts: 1, maturingHours: 2 }),
  ],
  opportunities: [
    opp('gig', 'won', ['organizations'], { won: 1500, days: 60 }),
    opp('site', 'won', ['volunteering'], { won: 1200, days: 30 }),
    opp('job', 'won', ['stretch'], { won: 85000, days: 90 }),
  ],
};

describe('computePayoff: the story a person can trust', () => {
  const result = computePayoff(story);
  const by = (k: ChannelKey) => result.channels.find((c) => c.channel === k)!;

  it('never tells a channel that brought a win to cut back', () => {
    for (const k of ['organizations', 'volunteering', 'stretch'] as const) {
      expect(by(k).verdict).not.toBe('Time drain');
      expect(by(k).grade).not.toBe('F');
      expect(by(k).grade).not.toBe('D');
    }
  });

  it('ranks the happy hours last, as a time drain', () => {
    expect(result.channels.at(-1)!.channel).toBe('events');
    expect(by('events').verdict).toBe('Time drain');
  });

  it('grades the stretch project A and puts it first; thin channels read too early', () => {
    expect(result.channels[0]!.channel).toBe('stretch');
    expect(by('stretch').grade).toBe('A');
    for (const k of ['organizations', 'volunteering', 'interviews', 'linkedin'] as const) expect(by(k).grade).toBeNull();
    expect(by('interviews').verdict).toBe('Too early');
    expect(by('volunteering').verdict).toBe('Promising');
  });

  it('shrinks thin channels towards the person’s own pool: a typical win, not the $85,000 one', () => {
    expect(result.prior.typicalWin).toBe(1500);
    expect(result.prior.winsPerHour).toBeCloseTo(3 / 61, 9); // 64 h less 3 maturing
  });

  it('keeps every piece of advice, the most important first', () => {
    const advice = recommend({
      channels: result.channels, periodLabel: 'in the last 12 months', currency: 'USD',
      goingCold: { count: 5, days: 60 }, unrelatedStretch: [{ title: 'E-commerce copy' }],
      linkedinMissing: ['affiliations', 'hobbies'], thankYousMissing: 1,
    });
    expect(advice.length).toBeGreaterThan(RECOMMENDATIONS_SHOWN);
    expect(advice[0]!.text).toMatch(/^Networking events & happy hours took 9 h and \$135 in the last 12 months, brought no opportunity and 12 pitches/);
    expect(advice.map((a) => a.text)).toContain('Your LinkedIn profile lacks affiliations and hobbies.');
    expect(advice.map((a) => a.text)).toContain('Stretch projects pay off: $2,833 an hour so far — do more of them.');
    expect(advice.some((a) => a.text.startsWith('Volunteering & favors look promising: one win of $1,200 from 6 h so far'))).toBe(true);
  });
});

describe('computePayoff: thin data cannot top the table', () => {
  const steadyWins = Array.from({ length: 8 }, (_, i) => opp(`v${i}`, 'won', ['volunteering'], { won: 2000, days: 20 }));
  const result = computePayoff({
    hourlyValue: 0,
    model: 'first',
    totals: [
      totals('linkedin', { hours: 2, contactsMade: 1, contactsRemembered: 1, efforts: 1 }),
      totals('volunteering', { hours: 200, contactsMade: 30, contactsRemembered: 18, efforts: 40 }),
    ],
    opportunities: [opp('lucky', 'won', ['linkedin'], { won: 2000, days: 3 }), ...steadyWins],
  });
  const lucky = result.channels.find((c) => c.channel === 'linkedin')!;
  const steady = result.channels.find((c) => c.channel === 'volunteering')!;

  it('would rank the lucky channel first on raw value per hour', () => {
    expect(lucky.valuePerHour).toBe(1000);
    expect(steady.valuePerHour).toBe(80);
  });

  it('ranks two hundred steady hours above two hours and one lucky win', () => {
    expect(result.channels[0]!.channel).toBe('volunteering');
    expect(steady.rankBound).toBeGreaterThan(lucky.rankBound);
    expect(lucky.grade).toBeNull();
    expect(steady.grade).not.toBeNull();
  });
});

describe('computePayoff: a coach’s pooled prior', () => {
  it('uses the prior it is given instead of the person’s own pool', () => {
    const prior = { winsPerHour: 0.2, typicalWin: 5000, opportunitiesPerHour: 0.3, rememberRate: 0.5, valuePerHour: 1000 };
    const own = computePayoff({ ...story, totals: [totals('interviews', { hours: 3, efforts: 3 })], opportunities: [] });
    const pooled = computePayoff({ ...story, totals: [totals('interviews', { hours: 3, efforts: 3 })], opportunities: [], prior });
    expect(pooled.prior).toBe(prior);
    expect(pooled.channels[0]!.value.estimate).toBeGreaterThan(own.channels[0]!.value.estimate);
  });
});

describe('computePayoff: totals and credit', () => {
  it('adds rows of one channel together and gives a row to a channel that only received credit', () => {
    const result = computePayoff({
      hourlyValue: 40,
      model: 'linear',
      totals: [totals('events', { hours: 2, efforts: 1 }), totals('events', { hours: 3, efforts: 1 })],
      opportunities: [opp('x', 'won', ['events', 'linkedin'], { won: 1000 }), opp('y', 'lead', [])],
    });
    const events = result.channels.find((c) => c.channel === 'events')!;
    expect(events.hours).toBe(5);
    expect(events.wonValue).toBe(500);
    expect(result.channels.find((c) => c.channel === 'linkedin')!.wonValue).toBe(500);
    expect(result.totals.wonValue).toBe(1000);
    expect(result.uncreditedOpportunities).toBe(1);
    expect(events.cost).toBe(200);
  });
});
