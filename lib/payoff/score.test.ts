import { describe, expect, it } from 'vitest';
import type { ChannelCredit } from './attribution';
import { buildChannelResult, gradeFor, gradeOfRange, isDrainHigh, judgedHoursOf, multipleInWords, pooledPrior, winValueFor } from './score';
import type { ChannelKey } from './channels';
import { emptyTotals } from './index';
import type { ChannelTotals, PooledPrior } from './types';

// The prior of the worked examples in docs/payoff.md: a win every 20 hours, a typical win of $1,500.
const PRIOR: PooledPrior = { winsPerHour: 0.05, typicalWin: 1500, opportunitiesPerHour: 0.1, rememberRate: 0.3, valuePerHour: 75 };

function totals(channel: ChannelKey, fields: Partial<ChannelTotals> = {}): ChannelTotals {
  return { ...emptyTotals(channel), ...fields };
}
function credit(fields: Partial<ChannelCredit> = {}): ChannelCredit {
  return { opportunities: 0, won: 0, wonValue: 0, pipeline: 0, daysToOpen: [], ...fields };
}
const build = (t: ChannelTotals, c: ChannelCredit, hourlyValue = 50) => buildChannelResult(t, c, { hourlyValue, currency: 'USD', prior: PRIOR });

describe('gradeFor: multiples of the person’s hourly value', () => {
  it.each([
    [150, 'A'], [149.99, 'B'], [75, 'B'], [74.99, 'C'], [37.5, 'C'], [37.49, 'D'], [12.5, 'D'], [12.49, 'F'], [0, 'F'],
  ] as const)('$%s an hour against $50 → %s', (value, grade) => {
    expect(gradeFor(value, 50)).toBe(grade);
  });
});

describe('gradeOfRange', () => {
  it('grades only when the ends are at most one grade apart', () => {
    expect(gradeOfRange({ estimate: 160, low: 100, high: 300 }, 50)).toBe('A');
    expect(gradeOfRange({ estimate: 127, low: 24.65, high: 263.7 }, 50)).toBeNull();
    expect(gradeOfRange({ estimate: 10.7, low: 0.1, high: 29 }, 50)).toBe('F');
  });
});

describe('worked examples of docs/payoff.md', () => {
  it('1. one favor that paid $1,200 from 6 h is too early to grade, and promising', () => {
    const c = build(totals('volunteering', { hours: 6, efforts: 1 }), credit({ opportunities: 1, won: 1, wonValue: 1200 }));
    expect(winValueFor(1, 1200, 1500)).toBe(1350);
    expect(c.value.estimate).toBeCloseTo((1.5 / 16) * 1350, 6); // $126.56
    expect(c.value.low).toBeCloseTo((0.5844 / 2 / 16) * 1350, 0); // $24.65
    expect(c.value.high).toBeCloseTo((6.2514 / 2 / 16) * 1350, 0); // $263.7
    expect(c.grade).toBeNull();
    expect(c.verdict).toBe('Promising');
    expect(c.moreHoursToTell).toBe(80);
    expect(c.why[0]).toBe('One win of $1,200 from 6 h: $200 an hour, four times your $50.');
    expect(c.why[1]).toBe(
      'One win is thin evidence: an hour here could return anywhere from $25 to $264, too wide to grade; about 80 more hours will tell whether it holds.',
    );
  });

  it('2. a stretch project that led to an $85,000 job from 30 h pays off, grade A', () => {
    const c = build(totals('stretch', { hours: 30, efforts: 2 }), credit({ opportunities: 1, won: 1, wonValue: 85000 }));
    expect(c.value.estimate).toBeCloseTo((1.5 / 40) * 43250, 6); // $1,621.9
    expect(c.value.low).toBeCloseTo((0.5844 / 2 / 40) * 43250, -1); // $315.9
    expect(c.grade).toBe('A');
    expect(c.verdict).toBe('Pays off');
  });

  it('3. happy hours with 24 drain events in 9 h are a time drain, though too early to grade on value', () => {
    const c = build(
      totals('events', { hours: 9, efforts: 3, pitches: 12, advances: 3, drinksOverTwo: 4, jobSeekerAsks: 5, contactsMade: 6 }),
      credit(),
    );
    expect(c.value.estimate).toBeCloseTo((0.5 / 19) * 1500, 6); // $39.47
    expect(c.value.high).toBeCloseTo((2.7055 / 2 / 19) * 1500, 0); // $106.8
    expect(c.grade).toBeNull();
    expect(c.verdict).toBe('Time drain');
    expect(c.verdictReason).toBe('12 sales pitches, 3 advances, 4 drinks past two and 5 job seekers asking you for work in 9 h, and nothing won.');
  });

  it('4. 60 h with nothing back is evidence it does not pay: grade F', () => {
    const c = build(totals('linkedin', { hours: 60, efforts: 20 }), credit());
    expect(c.value.high).toBeCloseTo((2.7055 / 2 / 70) * 1500, 0); // $28.99, below 0.75 × $50
    expect(c.grade).toBe('F');
    expect(c.verdict).toBe('Time drain');
  });

  it('5. young hours that brought nothing are not judged: still maturing', () => {
    const t = totals('interviews', { hours: 3, efforts: 3, maturingHours: 1, contactsMade: 3 });
    expect(judgedHoursOf(t, credit()).judgedHours).toBe(2);
    const c = build(t, credit());
    expect(c.grade).toBeNull();
    expect(c.verdict).toBe('Too early');
    expect(c.why.join(' ')).toContain('1 h from the last 90 days is still maturing');
    // Once something came of them, every hour counts.
    expect(judgedHoursOf({ ...t, contactsRemembered: 1 }, credit()).judgedHours).toBe(3);
  });
});

describe('thin evidence never reads as failure', () => {
  it('no channel without evidence gets a letter, and none gets F for having no data', () => {
    for (const hours of [0, 1, 5, 12]) {
      const c = build(totals('organizations', { hours, efforts: 1 }), credit());
      expect(c.grade).toBeNull();
      expect(['Too early', 'Promising']).toContain(c.verdict);
    }
  });

  it('$2,500 won from 1 h is too early, not a C', () => {
    const c = build(totals('interviews', { hours: 1, efforts: 1 }), credit({ opportunities: 1, won: 1, wonValue: 2500 }));
    expect(c.grade).toBeNull();
    expect(c.verdict).toBe('Promising');
  });

  it('"why" uses the person’s words, never the model’s', () => {
    const c = build(totals('volunteering', { hours: 6, efforts: 1, contactsMade: 2, contactsRemembered: 1 }), credit({ opportunities: 1, won: 1, wonValue: 1200 }), 0);
    const text = c.why.join(' ');
    for (const jargon of ['pseudo', 'prior', 'reference', 'Wilson', 'shrunk', 'posterior', 'score']) expect(text).not.toMatch(new RegExp(jargon, 'i'));
    expect(text).toContain('Set your hourly value in settings');
  });
});

describe('isDrainHigh', () => {
  it('needs three drain events at half an hour’s rate or more', () => {
    expect(isDrainHigh(2, 0)).toBe(false);
    expect(isDrainHigh(3, 6)).toBe(true);
    expect(isDrainHigh(3, 7)).toBe(false);
    expect(isDrainHigh(3, 0)).toBe(true);
  });
});

describe('multipleInWords', () => {
  it.each([[4, 'four times'], [2, 'twice'], [1, 'about'], [0.5, 'half'], [0.2, 'a fifth of'], [57, '57 times']] as const)('%s → %s', (ratio, words) => {
    expect(multipleInWords(ratio)).toBe(words);
  });
});

describe('pooledPrior', () => {
  it('pools wins and hours, and takes the median win as typical, not the largest', () => {
    const p = pooledPrior(
      [
        { channel: 'stretch', judgedHours: 30, credit: credit({ won: 1, wonValue: 85000, opportunities: 1 }), contactsMade: 1, contactsRemembered: 1 },
        { channel: 'volunteering', judgedHours: 10, credit: credit({ won: 2, wonValue: 2700, opportunities: 2 }), contactsMade: 3, contactsRemembered: 0 },
      ],
      [85000, 1200, 1500],
      50,
    );
    expect(p.winsPerHour).toBeCloseTo(3 / 40, 12);
    expect(p.typicalWin).toBe(1500);
    expect(p.rememberRate).toBeCloseTo(1 / 4, 12);
    expect(p.valuePerHour).toBeCloseTo((3 / 40) * 1500, 9);
  });

  it('assumes a first win worth a week of the person’s time when nothing was won anywhere', () => {
    expect(pooledPrior([], [], 60).typicalWin).toBe(2400);
  });
});
