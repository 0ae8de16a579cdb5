import { describe, expect, it } from 'vitest';
import {
  allocatePoints,
  confidenceFor,
  gradeFor,
  isDrainHigh,
  saturate,
  scoreFactors,
  shrinkRate,
  verdictFor,
  wilsonLowerBound,
} from './score';
import type { VerdictInput } from './score';

describe('saturate', () => {
  it('is 0 at or below 0 and 1 − 1/e at the reference', () => {
    expect(saturate(0, 50)).toBe(0);
    expect(saturate(-10, 50)).toBe(0);
    expect(saturate(50, 50)).toBeCloseTo(0.632121, 6);
    expect(saturate(100, 50)).toBeCloseTo(0.864665, 6);
  });
});

describe('wilsonLowerBound', () => {
  it('matches hand-computed bounds at z = 1.96', () => {
    expect(wilsonLowerBound(18, 30)).toBeCloseTo(0.4232, 4);
    expect(wilsonLowerBound(7, 12)).toBeCloseTo(0.31951, 4);
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.20654, 4);
    expect(wilsonLowerBound(10, 10)).toBeCloseTo(0.72246, 4);
  });
  it('is 0 with no trials or no successes', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 10)).toBe(0);
  });
  it('ranks 18 of 30 above 1 of 1', () => {
    expect(wilsonLowerBound(18, 30)).toBeGreaterThan(wilsonLowerBound(1, 1));
  });
  it('treats more successes than trials as all of them', () => {
    expect(wilsonLowerBound(5, 3)).toBeCloseTo(wilsonLowerBound(3, 3), 10);
  });
});

describe('shrinkRate', () => {
  it('blends the channel with the prior by pseudo-hours', () => {
    expect(shrinkRate(2000, 2, 0)).toBeCloseTo(2000 / 42, 10);
    expect(shrinkRate(16000, 200, 0)).toBeCloseTo(16000 / 240, 10);
    expect(shrinkRate(100, 10, 10, 40)).toBeCloseTo((100 + 400) / 50, 10);
  });
  it('is the prior itself with no hours', () => {
    expect(shrinkRate(0, 0, 0.25)).toBe(0.25);
  });
});

describe('allocatePoints', () => {
  it('rounds to integers summing to the rounded total, largest remainders first', () => {
    expect(allocatePoints([31.92, 13.77, 13.11, 12.28])).toEqual([32, 14, 13, 12]);
    expect(allocatePoints([0, 9.385, 3.707, 9.369])).toEqual([0, 9, 4, 9]);
  });
  it('breaks equal remainders in favour of the earlier factor', () => {
    expect(allocatePoints([10.4, 10.4, 10.4, 10.4])).toEqual([11, 11, 10, 10]);
  });
  it('gives nothing extra when the total rounds down', () => {
    expect(allocatePoints([1.2, 1.2, 0, 0])).toEqual([1, 1, 0, 0]);
  });
});

describe('gradeFor', () => {
  it.each([
    [100, 'A'],
    [80, 'A'],
    [79, 'B'],
    [65, 'B'],
    [64, 'C'],
    [50, 'C'],
    [49, 'D'],
    [35, 'D'],
    [34, 'F'],
    [0, 'F'],
  ])('%i → %s', (score, grade) => {
    expect(gradeFor(score)).toBe(grade);
  });
});

describe('confidenceFor', () => {
  it.each([
    [0, 0, 'thin'],
    [9.9, 50, 'thin'],
    [10, 1, 'some'],
    [39.9, 10, 'some'],
    [40, 2, 'some'],
    [40, 3, 'solid'],
    [200, 40, 'solid'],
  ])('%f h over %i efforts → %s', (hours, efforts, label) => {
    expect(confidenceFor(hours, efforts)).toBe(label);
  });
});

describe('isDrainHigh', () => {
  it('needs at least three drain events', () => {
    expect(isDrainHigh(2, 1)).toBe(false);
    expect(isDrainHigh(3, 1)).toBe(true);
  });
  it('needs at least 0.5 drain events per hour', () => {
    expect(isDrainHigh(3, 6)).toBe(true);
    expect(isDrainHigh(3, 6.1)).toBe(false);
  });
  it('counts any rate as high without hours', () => {
    expect(isDrainHigh(3, 0)).toBe(true);
  });
});

describe('scoreFactors', () => {
  const base = {
    hours: 60,
    wonValue: 4000,
    opportunities: 4,
    contactsMade: 12,
    contactsRemembered: 7,
    drainEvents: 0,
    hourlyValue: 25,
    currency: 'USD',
  };

  it('scores the worked example of docs/payoff.md', () => {
    const { score, factors } = scoreFactors(base);
    expect(score).toBe(71);
    expect(factors.map((f) => f.points)).toEqual([32, 14, 13, 12]);
    expect(factors.map((f) => f.maxPoints)).toEqual([40, 25, 20, 15]);
    expect(factors[0]!.raw).toBeCloseTo(66.6667, 4);
    expect(factors[0]!.shrunk).toBeCloseTo(40, 10);
    expect(factors[0]!.explanation).toContain('$40 per hour');
    expect(factors[0]!.explanation).toContain('$25 (your hourly value)');
    expect(factors[1]!.raw).toBeCloseTo(0.6667, 4);
    expect(factors[1]!.shrunk).toBeCloseTo(0.4, 10);
    expect(factors[2]!.raw).toBeCloseTo(7 / 12, 10);
    expect(factors[2]!.shrunk).toBeCloseTo(0.31951, 4);
    expect(factors[3]!.raw).toBe(0);
    expect(factors[3]!.shrunk).toBeCloseTo(0.1, 10);
  });

  it('uses the default reference of 50 per hour when no hourly value is set', () => {
    // Shrunk value per hour is 4000 / (60 + 40) = 40, so 40 × (1 − e^(−40/50)) = 22.03 points.
    const { factors } = scoreFactors({ ...base, hourlyValue: 0 });
    expect(factors[0]!.points).toBe(22);
    expect(factors[0]!.explanation).toContain('reference of $50.');
  });

  it('keeps points summing to the score', () => {
    for (const hours of [0, 1, 2.5, 18, 60, 200]) {
      const { score, factors } = scoreFactors({ ...base, hours, drainEvents: 5 });
      expect(factors.reduce((sum, f) => sum + f.points, 0)).toBe(score);
    }
  });

  it('reports null raw figures with no hours and no contacts, and gives the remember factor nothing', () => {
    const { score, factors } = scoreFactors({ ...base, hours: 0, wonValue: 0, opportunities: 0, contactsMade: 0, contactsRemembered: 0 });
    expect(factors.map((f) => f.raw)).toEqual([null, null, null, null]);
    expect(factors[2]!.shrunk).toBeNull();
    expect(factors[2]!.points).toBe(0);
    expect(factors[2]!.explanation).toBe('No contacts made yet, so nothing shows that anyone remembers you.');
    // Only the drain factor scores: 15 × e^(−0.25/0.5) = 9.10.
    expect(factors[3]!.shrunk).toBe(0.25);
    expect(score).toBe(9);
  });

  it('takes drain points away as drain per hour grows', () => {
    const calm = scoreFactors({ ...base, hours: 18, drainEvents: 0 }).factors[3]!;
    const noisy = scoreFactors({ ...base, hours: 18, drainEvents: 17 }).factors[3]!;
    // (0 + 10) / 58 → 15 × e^(−0.3448) = 10.62; (17 + 10) / 58 → 15 × e^(−0.9310) = 5.91.
    expect(calm.points).toBe(11);
    expect(noisy.points).toBe(6);
    expect(noisy.explanation).toContain('17 drain events in 18 h is 0.94 per hour (1.42 per contact made)');
  });
});

describe('verdictFor', () => {
  const base: VerdictInput = {
    grade: 'C',
    confidence: 'some',
    hours: 30,
    cost: 500,
    won: 0,
    wonValue: 0,
    opportunities: 0,
    pipeline: 0,
    contactsRemembered: 0,
    rememberLowerBound: 0,
    drainEvents: 0,
    currency: 'USD',
  };
  const verdict = (input: Partial<VerdictInput>) => verdictFor({ ...base, ...input }).verdict;

  it('pays off: grade A or B and won value above cost', () => {
    const result = verdictFor({ ...base, grade: 'B', won: 3, wonValue: 4000, cost: 1540 });
    expect(result).toEqual({
      verdict: 'Pays off',
      reason: 'Grade B, and it has won $4,000 against a cost of $1,540.',
    });
    expect(verdict({ grade: 'A', won: 1, wonValue: 600 })).toBe('Pays off');
  });

  it('pays off: grade A or B with any win when nothing was spent', () => {
    expect(verdict({ grade: 'A', won: 1, wonValue: 0, cost: 0 })).toBe('Pays off');
  });

  it('is break-even for grade A or B whose wins do not cover the cost', () => {
    expect(verdict({ grade: 'B', won: 1, wonValue: 400, cost: 500 })).toBe('Break-even');
  });

  it('is break-even for grade C with wins above cost', () => {
    expect(verdict({ grade: 'C', won: 1, wonValue: 4000 })).toBe('Break-even');
  });

  it('is a time drain when drain is high and nothing was won, even with pipeline', () => {
    const result = verdictFor({ ...base, grade: 'D', hours: 18, drainEvents: 17, pipeline: 300, opportunities: 1 });
    expect(result).toEqual({ verdict: 'Time drain', reason: '17 drain events in 18 h and nothing won.' });
  });

  it('is not a drain verdict when something was won', () => {
    expect(verdict({ grade: 'C', hours: 18, drainEvents: 17, won: 1, wonValue: 100 })).toBe('Break-even');
  });

  it('is promising with open pipeline and no win yet', () => {
    expect(verdictFor({ ...base, grade: 'D', pipeline: 250, opportunities: 1 })).toEqual({
      verdict: 'Promising',
      reason: 'Nothing won yet, but $250 of weighted open pipeline.',
    });
  });

  it('is promising with a good remember lower bound and no win yet', () => {
    expect(verdict({ grade: 'D', rememberLowerBound: 0.3, contactsRemembered: 9 })).toBe('Promising');
    expect(verdict({ grade: 'D', rememberLowerBound: 0.29, contactsRemembered: 9 })).toBe('Break-even');
  });

  it('is a time drain for grade F with hours, pipeline or not, when data is not thin', () => {
    expect(verdictFor({ ...base, grade: 'F', pipeline: 250, opportunities: 1 })).toEqual({
      verdict: 'Time drain',
      reason: 'Grade F after 30 h.',
    });
  });

  it('is promising for thin data with a win, even at grade C', () => {
    const result = verdictFor({ ...base, grade: 'C', confidence: 'thin', hours: 2, won: 1, wonValue: 2000 });
    expect(result).toEqual({ verdict: 'Promising', reason: 'Only 2 h so far, with a good sign: 1 win worth $2,000.' });
  });

  it('is promising for thin data at grade F with only a remembering contact', () => {
    expect(verdict({ grade: 'F', confidence: 'thin', hours: 2.5, contactsRemembered: 1 })).toBe('Promising');
  });

  it('is too early to call a drain for thin data at grade F without drain signals', () => {
    expect(verdict({ grade: 'F', confidence: 'thin', hours: 2.5 })).toBe('Break-even');
    expect(verdict({ grade: 'F', confidence: 'some', hours: 25 })).toBe('Time drain');
  });

  it('is break-even for grade F without hours', () => {
    expect(verdict({ grade: 'F', hours: 0, cost: 120 })).toBe('Break-even');
  });
});
