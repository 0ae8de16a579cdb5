import { afterEach, describe, expect, it } from 'vitest';
import { now, setClock } from './clock';
import { addDays, today } from './dates';

describe('the app clock', () => {
  afterEach(() => setClock(process.env.GROUNDWORK_CLOCK ?? null));

  it('runs on from the instant it is set to, and today follows it', () => {
    setClock('2026-12-31T23:30:00-10:00');
    const at = now().getTime();
    expect(Math.abs(at - Date.parse('2027-01-01T09:30:00Z'))).toBeLessThan(5_000);
    // The server's calendar is UTC: in Honolulu's late evening it is already the next day.
    expect(today()).toBe('2027-01-01');
    expect(addDays(today(), -1)).toBe('2026-12-31');
  });

  it('goes back to real time', () => {
    setClock('2030-01-01T00:00:00Z');
    setClock(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('refuses something that is not an instant', () => {
    expect(() => setClock('next tuesday')).toThrow(/Not an instant/);
  });
});
