import { describe, expect, it } from 'vitest';
import { dailySlot, isoWeekKey, isValidTimeZone, localParts, weeklySlot, type SendPrefs } from './time';

const prefs = (over: Partial<SendPrefs> = {}): SendPrefs => ({
  dailyEnabled: true,
  dailyHour: 8,
  timeZone: 'UTC',
  weeklyEnabled: true,
  coachWeeklyEnabled: false,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('localParts', () => {
  it('gives the local date, hour and weekday across offsets', () => {
    expect(localParts(at('2026-03-10T02:29:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-03-10', hour: 7, minute: 59, weekday: 2 });
    expect(localParts(at('2026-03-10T02:30:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-03-10', hour: 8, minute: 0, weekday: 2 });
    // Auckland is already tomorrow (UTC+13 in summer).
    expect(localParts(at('2026-01-15T11:00:00Z'), 'Pacific/Auckland')).toMatchObject({ date: '2026-01-16', hour: 0 });
    expect(localParts(at('2026-01-15T03:59:00Z'), 'America/New_York')).toMatchObject({ date: '2026-01-14', hour: 22 });
  });

  it('refuses unknown zones and falls back to UTC for them', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(localParts(at('2026-03-10T05:00:00Z'), 'Mars/Olympus_Mons')).toMatchObject({ date: '2026-03-10', hour: 5 });
  });
});

describe('daily slot', () => {
  it('opens at the chosen local hour, not before', () => {
    const p = prefs({ timeZone: 'Asia/Kolkata', dailyHour: 8 });
    expect(dailySlot(p, at('2026-03-10T02:29:59Z'))).toBeNull();
    expect(dailySlot(p, at('2026-03-10T02:30:00Z'))).toEqual({ periodKey: '2026-03-10', today: '2026-03-10' });
    // Still the same local day (and claim) until local midnight.
    expect(dailySlot(p, at('2026-03-10T18:29:00Z'))?.periodKey).toBe('2026-03-10');
    expect(dailySlot(p, at('2026-03-10T18:30:00Z'))).toBeNull();
  });

  it('does nothing when the daily e-mail is off', () => {
    expect(dailySlot(prefs({ dailyEnabled: false }), at('2026-03-10T12:00:00Z'))).toBeNull();
  });

  it('handles the New York spring-forward day (2:00 does not exist)', () => {
    const p = prefs({ timeZone: 'America/New_York', dailyHour: 2 });
    // 06:59 UTC is 01:59 EST; one minute later it is 03:00 EDT.
    expect(dailySlot(p, at('2026-03-08T06:59:00Z'))).toBeNull();
    expect(dailySlot(p, at('2026-03-08T07:00:00Z'))).toEqual({ periodKey: '2026-03-08', today: '2026-03-08' });
    // 8:00 local is 12:00 UTC after the change, not 13:00.
    const eight = prefs({ timeZone: 'America/New_York', dailyHour: 8 });
    expect(dailySlot(eight, at('2026-03-08T11:59:00Z'))).toBeNull();
    expect(dailySlot(eight, at('2026-03-08T12:00:00Z'))?.periodKey).toBe('2026-03-08');
    expect(dailySlot(eight, at('2026-03-07T12:59:00Z'))).toBeNull();
  });

  it('gives one claim key for both 1 a.m. hours of the New York fall-back day', () => {
    const p = prefs({ timeZone: 'America/New_York', dailyHour: 1 });
    expect(dailySlot(p, at('2026-11-01T04:59:00Z'))).toBeNull(); // 00:59 EDT
    const first = dailySlot(p, at('2026-11-01T05:30:00Z')); // 01:30 EDT
    const second = dailySlot(p, at('2026-11-01T06:30:00Z')); // 01:30 EST
    expect(first?.periodKey).toBe('2026-11-01');
    expect(second?.periodKey).toBe(first?.periodKey);
    // The local date turns at local midnight (05:00 UTC after the change).
    expect(localParts(at('2026-11-02T04:59:00Z'), 'America/New_York').date).toBe('2026-11-01');
    expect(localParts(at('2026-11-02T05:00:00Z'), 'America/New_York').date).toBe('2026-11-02');
  });

  it('follows Auckland across its April change', () => {
    const p = prefs({ timeZone: 'Pacific/Auckland', dailyHour: 8 });
    // 5 Apr 2026: NZDT (+13) ends at 03:00, becoming NZST (+12). 08:00 NZST = 20:00 UTC on 4 Apr.
    expect(dailySlot(p, at('2026-04-04T19:59:00Z'))).toBeNull();
    expect(dailySlot(p, at('2026-04-04T20:00:00Z'))).toEqual({ periodKey: '2026-04-05', today: '2026-04-05' });
    // The day before, 08:00 NZDT was 19:00 UTC.
    expect(dailySlot(p, at('2026-04-03T19:00:00Z'))?.periodKey).toBe('2026-04-04');
  });
});

describe('weekly slot', () => {
  it('opens on the local Monday at the chosen hour and reports the week before', () => {
    const p = prefs({ timeZone: 'Pacific/Auckland', dailyHour: 8 });
    // Monday 9 Mar 2026 08:00 NZDT is Sunday 8 Mar 19:00 UTC.
    expect(weeklySlot(p, at('2026-03-08T18:59:00Z'))).toBeNull();
    expect(weeklySlot(p, at('2026-03-08T19:00:00Z'))).toEqual({
      periodKey: '2026-W11',
      today: '2026-03-09',
      weekFrom: '2026-03-02',
      weekTo: '2026-03-08',
    });
    // Tuesday local: nothing.
    expect(weeklySlot(p, at('2026-03-09T19:00:00Z'))).toBeNull();
  });

  it('is the same ISO week for every hour of that Monday', () => {
    const p = prefs({ timeZone: 'America/New_York', dailyHour: 0 });
    expect(weeklySlot(p, at('2026-03-09T04:00:00Z'))?.periodKey).toBe('2026-W11');
    expect(weeklySlot(p, at('2026-03-10T03:59:00Z'))?.periodKey).toBe('2026-W11');
    expect(weeklySlot(p, at('2026-03-08T04:59:00Z'))).toBeNull(); // Saturday 23:59 local
  });
});

describe('ISO weeks', () => {
  it('numbers weeks by their Thursday', () => {
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2026-03-09')).toBe('2026-W11');
    // The week a Monday's digest reports on starts on the Monday before and ends on the Sunday.
    expect(weeklySlot(prefs({ dailyHour: 0 }), at('2026-03-16T00:00:00Z'))).toMatchObject({ weekFrom: '2026-03-09', weekTo: '2026-03-15' });
    expect(weeklySlot(prefs({ dailyHour: 0 }), at('2026-03-09T00:00:00Z'))).toMatchObject({ weekFrom: '2026-03-02', weekTo: '2026-03-08' });
  });
});
