import { describe, expect, it } from 'vitest';
import { channelName } from './channels';
import type { ChannelKey } from './channels';
import { formatAmount, formatHours, formatMoney, joinList, pluralize } from './format';
import { recommend } from './recommend';
import type { RecommendInput } from './recommend';
import { ROLLUP_SUMS, type ChannelResult, type ChannelTotals, type RollupSum } from './types';

function channel(key: ChannelKey, fields: Partial<ChannelResult> = {}): ChannelResult {
  return {
    ...(Object.fromEntries(ROLLUP_SUMS.map((k) => [k, 0])) as Pick<ChannelTotals, RollupSum>),
    channel: key,
    name: channelName(key),
    hours: 10,
    money: 0,
    cost: 0,
    contactsMade: 0,
    contactsRemembered: 0,
    usefulContacts: 0,
    efforts: 3,
    opportunities: 0,
    won: 0,
    wonValue: 0,
    pipeline: 0,
    drain: { total: 0, pitches: 0, advances: 0, drinksOverTwo: 0, jobSeekerAsks: 0 },
    valuePerHour: 0,
    oppsPer10h: 0,
    rememberRate: null,
    roi: null,
    medianDaysToFirstOpportunity: null,
    maturingHours: 0,
    judgedHours: fields.hours ?? 10,
    value: { estimate: 20, low: 5, high: 40 },
    opportunityRate: { estimate: 0, low: 0, high: 1 },
    remember: null,
    rankBound: 4,
    yardstick: 50,
    yardstickIsOwn: true,
    grade: 'D',
    verdict: 'Break-even',
    verdictReason: '',
    moreHoursToTell: null,
    why: [],
    ...fields,
  };
}

const quiet: RecommendInput = {
  channels: [],
  periodLabel: 'this quarter',
  currency: 'USD',
  goingCold: { count: 0, days: 60 },
  unrelatedStretch: [],
  linkedinMissing: [],
  thankYousMissing: 0,
};

const texts = (input: Partial<RecommendInput>) => recommend({ ...quiet, ...input }).map((r) => r.text);

const drainingEvents = channel('events', {
  hours: 18,
  money: 240,
  cost: 690,
  grade: 'F',
  verdict: 'Time drain',
  drain: { total: 11, pitches: 11, advances: 0, drinksOverTwo: 0, jobSeekerAsks: 0 },
});

describe('recommend', () => {
  it('says nothing when nothing calls for advice', () => {
    expect(recommend(quiet)).toEqual([]);
  });

  describe('time drain', () => {
    it('names hours, money, returns and drain for events, and keeps their one good use', () => {
      expect(recommend({ ...quiet, channels: [drainingEvents] })).toEqual([
        {
          id: 'time-drain-events',
          priority: 1,
          text: 'Networking events & happy hours took 18 h and $240 this quarter, brought no opportunity and 11 pitches: keep them for follow-ups with existing clients.',
        },
      ]);
    });

    it('lists every kind of drain and says "no win" when opportunities were lost', () => {
      const events = channel('events', {
        ...drainingEvents,
        opportunities: 1,
        drain: { total: 7, pitches: 1, advances: 2, drinksOverTwo: 1, jobSeekerAsks: 3 },
      });
      expect(texts({ channels: [events], periodLabel: 'in the last 30 days' })).toEqual([
        'Networking events & happy hours took 18 h and $240 in the last 30 days, brought no win and 1 pitch, 2 advances, 1 drink over two and 3 requests for work from job seekers: keep them for follow-ups with existing clients.',
      ]);
    });

    it('advises other channels to cut back, leaving out money not spent and an empty period', () => {
      const stretch = channel('stretch', { hours: 30, verdict: 'Time drain', grade: 'F' });
      expect(texts({ channels: [stretch], periodLabel: '' })).toEqual([
        'Stretch projects took 30 h, brought no opportunity: cut back, or change how you use this channel.',
      ]);
    });

    it('mentions meagre wins of a grade-F channel', () => {
      const other = channel('other', { hours: 2.5, verdict: 'Time drain', opportunities: 1, won: 1, wonValue: 50 });
      expect(texts({ channels: [other] })).toEqual([
        'Other took 2.5 h this quarter, brought only $50: cut back, or change how you use this channel.',
      ]);
    });

    it('skips a draining channel that cost neither time nor money', () => {
      const free = channel('events', { ...drainingEvents, hours: 0, money: 0, cost: 0 });
      expect(recommend({ ...quiet, channels: [free] })).toEqual([]);
    });

    it('names every drain, costliest first', () => {
      const drains = [
        channel('linkedin', { hours: 5, cost: 100, verdict: 'Time drain' }),
        channel('other', { hours: 40, cost: 1000, verdict: 'Time drain' }),
        channel('stretch', { hours: 20, cost: 500, verdict: 'Time drain' }),
      ];
      expect(recommend({ ...quiet, channels: drains }).map((r) => r.id)).toEqual([
        'time-drain-other',
        'time-drain-stretch',
        'time-drain-linkedin',
      ]);
    });
  });

  describe('best channel', () => {
    it('recommends the first-ranked channel that pays off, with its value per hour, in the verb its name needs', () => {
      const channels = [
        channel('volunteering', { verdict: 'Pays off', valuePerHour: 66.67 }),
        channel('interviews', { verdict: 'Pays off', valuePerHour: 200 }),
      ];
      expect(recommend({ ...quiet, channels })).toEqual([
        { id: 'best-channel-volunteering', priority: 2, text: 'Volunteering & favors pay off: $67 an hour so far — do more of them.' },
      ]);
      expect(texts({ channels: [channel('linkedin', { verdict: 'Pays off', valuePerHour: 90 })] })).toEqual([
        'LinkedIn pays off: $90 an hour so far — do more of it.',
      ]);
    });

    it('uses won value and cost when no hours were logged', () => {
      const org = channel('organizations', { hours: 0, cost: 120, wonValue: 900, verdict: 'Pays off', valuePerHour: null });
      expect(texts({ channels: [org], currency: 'EUR' })).toEqual([
        'Professional organizations & clubs pay off: €900 won for €120 — do more of them.',
      ]);
    });
  });

  describe('going cold', () => {
    it('counts contacts in the plural', () => {
      expect(texts({ goingCold: { count: 5, days: 60 } })).toEqual(['5 contacts have gone cold (no touch in 60 days).']);
    });
    it('counts one contact in the singular', () => {
      expect(texts({ goingCold: { count: 1, days: 1 } })).toEqual(['1 contact has gone cold (no touch in 1 day).']);
    });
    it('says "more than" when the count was cut off at the cap', () => {
      expect(texts({ goingCold: { count: 100, days: 45 }, countCap: 99 })).toEqual(['More than 99 contacts have gone cold (no touch in 45 days).']);
      expect(texts({ goingCold: { count: 99, days: 45 }, countCap: 99 })).toEqual(['99 contacts have gone cold (no touch in 45 days).']);
      expect(texts({ thankYousMissing: 100, countCap: 99 })).toEqual(['More than 99 informational interviews have no thank-you sent yet.']);
    });
  });

  describe('unrelated stretch projects', () => {
    it('names one project', () => {
      expect(texts({ unrelatedStretch: [{ title: 'E-commerce copy' }] })).toEqual([
        'Stretch project “E-commerce copy” is unrelated to your niche.',
      ]);
    });
    it('names two projects', () => {
      expect(texts({ unrelatedStretch: [{ title: 'A' }, { title: 'B' }] })).toEqual([
        'Stretch projects “A” and “B” are unrelated to your niche.',
      ]);
    });
    it('names three and counts the rest', () => {
      const unrelatedStretch = ['A', 'B', 'C', 'D', 'E'].map((title) => ({ title }));
      expect(texts({ unrelatedStretch })).toEqual([
        'Stretch projects “A”, “B”, “C” and 2 more are unrelated to your niche.',
      ]);
    });
  });

  describe('promising channels', () => {
    it('names the sign and how many more hours would tell', () => {
      const linkedin = channel('linkedin', { hours: 2.5, grade: null, verdict: 'Promising', opportunities: 1, moreHoursToTell: 40 });
      expect(recommend({ ...quiet, channels: [linkedin] })).toEqual([
        {
          id: 'promising-linkedin',
          priority: 3,
          text: 'LinkedIn looks promising: 1 opportunity from 2.5 h so far — about 40 more hours will tell whether it holds.',
        },
      ]);
    });

    it('prefers a win, then opportunities, then contacts who remember', () => {
      const won = channel('interviews', { hours: 2, grade: null, verdict: 'Promising', won: 1, wonValue: 2000, opportunities: 1, moreHoursToTell: 60 });
      const remembered = channel('volunteering', { hours: 0, grade: null, verdict: 'Promising', contactsRemembered: 2 });
      expect(texts({ channels: [won] })).toEqual([
        'Informational interviews look promising: one win of $2,000 from 2 h so far — about 60 more hours will tell whether it holds.',
      ]);
      expect(texts({ channels: [remembered] })).toEqual([
        'Volunteering & favors look promising: 2 contacts who remember you from 0 h so far — keep going before judging them.',
      ]);
    });

    it('names every promising channel, not only the first', () => {
      const a = channel('linkedin', { grade: null, verdict: 'Promising', opportunities: 1 });
      const b = channel('interviews', { grade: null, verdict: 'Promising', contactsRemembered: 1 });
      expect(recommend({ ...quiet, channels: [a, b] }).map((r) => r.id)).toEqual(['promising-linkedin', 'promising-interviews']);
    });
  });

  describe('thank-yous', () => {
    it('counts interviews in the plural and the singular', () => {
      expect(texts({ thankYousMissing: 3 })).toEqual(['3 informational interviews have no thank-you sent yet.']);
      expect(texts({ thankYousMissing: 1 })).toEqual(['1 informational interview has no thank-you sent yet.']);
    });
  });

  describe('LinkedIn profile', () => {
    it('lists the missing items', () => {
      expect(texts({ linkedinMissing: ['affiliations', 'hobbies'] })).toEqual([
        'Your LinkedIn profile lacks affiliations and hobbies.',
      ]);
      expect(texts({ linkedinMissing: ['summary', 'workHistory', 'degrees'] })).toEqual([
        'Your LinkedIn profile lacks a summary, work history and degrees.',
      ]);
    });
  });

  describe('order, and nothing dropped', () => {
    const everything: RecommendInput = {
      channels: [
        channel('volunteering', { verdict: 'Pays off', valuePerHour: 80 }),
        channel('linkedin', { hours: 2.5, grade: null, verdict: 'Promising', opportunities: 1 }),
        drainingEvents,
      ],
      periodLabel: 'this quarter',
      currency: 'USD',
      goingCold: { count: 5, days: 60 },
      unrelatedStretch: [{ title: 'E-commerce copy' }],
      linkedinMissing: ['affiliations', 'hobbies'],
      thankYousMissing: 2,
    };

    it('returns every rule that applies, by priority, the LinkedIn profile included', () => {
      const result = recommend(everything);
      expect(result.map((r) => [r.id, r.priority])).toEqual([
        ['time-drain-events', 1],
        ['best-channel-volunteering', 2],
        ['promising-linkedin', 3],
        ['going-cold', 4],
        ['unrelated-stretch', 5],
        ['thank-yous', 6],
        ['linkedin-profile', 7],
      ]);
    });

    it('lets lower rules in when higher ones do not apply', () => {
      const result = recommend({ ...everything, channels: [], goingCold: { count: 0, days: 60 } });
      expect(result.map((r) => r.id)).toEqual(['unrelated-stretch', 'thank-yous', 'linkedin-profile']);
    });
  });
});

describe('formatting', () => {
  it('formats money in whole units of the currency', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,235');
    expect(formatMoney(240, 'EUR')).toBe('€240');
    expect(formatMoney(-62.5, 'USD')).toBe('-$63');
  });
  it('formats a recorded amount as entered: cents only when there are some', () => {
    expect(formatAmount(25.5, 'USD')).toBe('$25.50');
    expect(formatAmount(2500.75, 'USD')).toBe('$2,500.75');
    expect(formatAmount(26, 'USD')).toBe('$26');
    expect(formatAmount(240.001, 'EUR')).toBe('€240');
  });
  it('formats hours with at most two decimals, as the forms take them', () => {
    expect(formatHours(18)).toBe('18 h');
    expect(formatHours(2.5)).toBe('2.5 h');
    expect(formatHours(3.25)).toBe('3.25 h');
    expect(formatHours(9.25)).toBe('9.25 h');
    expect(formatHours(2.004)).toBe('2 h');
    expect(formatHours(1234)).toBe('1,234 h');
  });
  it('pluralises by the number shown', () => {
    expect(pluralize(1, 'contact')).toBe('1 contact');
    expect(pluralize(5, 'contact')).toBe('5 contacts');
    expect(pluralize(0, 'opportunity', 'opportunities')).toBe('0 opportunities');
    expect(pluralize(0.5, 'opportunity', 'opportunities')).toBe('0.5 opportunities');
    expect(pluralize(0.99, 'opportunity', 'opportunities')).toBe('1 opportunity');
  });
  it('joins lists with commas and a final "and"', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
