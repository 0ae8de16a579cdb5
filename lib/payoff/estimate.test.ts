import { describe, expect, it } from 'vitest';
import { estimateRate, gammaCdf, gammaQuantile, logGamma, wilsonInterval } from './estimate';

describe('logGamma', () => {
  it('matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('gammaQuantile', () => {
  it('is the exponential distribution for shape 1: −ln(1 − p) / rate', () => {
    expect(gammaQuantile(1, 1, 0.1)).toBeCloseTo(-Math.log(0.9), 9);
    expect(gammaQuantile(1, 4, 0.9)).toBeCloseTo(-Math.log(0.1) / 4, 9);
  });

  it('matches chi-square tables (χ²ₖ / 2 is Gamma(k/2, 1))', () => {
    // Table values: χ²₁ 10 % 0.01579, 90 % 2.7055; χ²₃ 10 % 0.5844, 90 % 6.2514; χ²₁₈ 10 % 10.865, 90 % 25.989.
    expect(gammaQuantile(0.5, 1, 0.1) * 2).toBeCloseTo(0.01579, 4);
    expect(gammaQuantile(0.5, 1, 0.9) * 2).toBeCloseTo(2.7055, 3);
    expect(gammaQuantile(1.5, 1, 0.1) * 2).toBeCloseTo(0.5844, 3);
    expect(gammaQuantile(1.5, 1, 0.9) * 2).toBeCloseTo(6.2514, 3);
    expect(gammaQuantile(9, 1, 0.1) * 2).toBeCloseTo(10.865, 2);
    expect(gammaQuantile(9, 1, 0.9) * 2).toBeCloseTo(25.989, 2);
  });

  it('inverts the distribution function', () => {
    for (const shape of [0.5, 1.3, 4, 40]) {
      for (const p of [0.1, 0.5, 0.9]) expect(gammaCdf(shape, gammaQuantile(shape, 1, p))).toBeCloseTo(p, 8);
    }
  });

  it('is 0 for an empty distribution', () => {
    expect(gammaQuantile(0, 10, 0.9)).toBe(0);
  });
});

describe('estimateRate', () => {
  it('mixes the prior in as events over hours, with at least half an event', () => {
    const r = estimateRate(1, 6, { priorRate: 0.05, priorHours: 10, minPriorEvents: 0.5, lowP: 0.1, highP: 0.9 });
    expect(r.shape).toBeCloseTo(1.5, 12);
    expect(r.rate).toBe(16);
    expect(r.estimate).toBeCloseTo(1.5 / 16, 12);
    const none = estimateRate(0, 0, { priorRate: 0, priorHours: 10, minPriorEvents: 0.5, lowP: 0.1, highP: 0.9 });
    expect(none.shape).toBe(0.5);
    expect(none.high).toBeGreaterThan(0);
  });

  it('narrows as hours grow at the same rate', () => {
    const opts = { priorRate: 0.05, priorHours: 10, minPriorEvents: 0.5, lowP: 0.1, highP: 0.9 };
    const few = estimateRate(1, 20, opts);
    const many = estimateRate(10, 200, opts);
    expect(many.high / many.low).toBeLessThan(few.high / few.low);
  });
});

describe('wilsonInterval', () => {
  it('matches a hand-computed interval and stays within 0–1', () => {
    // 3 of 10 at z = 1.2816: centre 0.382125, spread 0.203068, denominator 1.16425.
    const { low, high } = wilsonInterval(3, 10, 1.2816);
    expect(low).toBeCloseTo(0.1538, 3);
    expect(high).toBeCloseTo(0.5026, 3);
    expect(wilsonInterval(0, 0, 1.28)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(5, 5, 1.28).high).toBe(1);
  });
});
