import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, today } from './dates';

describe('dates', () => {
  it('moves across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-03-02')).toBe(60);
    expect(daysBetween('2026-03-02', '2026-01-01')).toBe(-60);
  });
  it('formats for people and shows a dash for nothing', () => {
    expect(formatDate('2026-03-12')).toBe('12 Mar 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('garbage')).toBe('—');
    expect(today(new Date('2026-11-25T23:59:00Z'))).toBe('2026-11-25');
  });
});
