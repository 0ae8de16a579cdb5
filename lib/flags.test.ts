import { describe, expect, it } from 'vitest';
import { effortFlags, type FlaggableEffort } from './flags';

const today = '2026-03-10';
const keys = (effort: FlaggableEffort, on = today) => effortFlags(effort, { today: on }).map((f) => f.key);

describe('effort flags', () => {
  it('flags an event from the third drink, not the second', () => {
    expect(keys({ channel: 'events', date: today, drinks: 2 })).toEqual([]);
    expect(keys({ channel: 'events', date: today, drinks: 3 })).toEqual(['drinks']);
    expect(effortFlags({ channel: 'events', date: today, drinks: 3 }, { today })[0].label).toBe('Past two drinks');
    expect(keys({ channel: 'events', date: today, drinks: null })).toEqual([]);
  });

  it('flags an event whose pitches outnumber the useful contacts made, not everyone met', () => {
    expect(keys({ channel: 'events', date: today, pitches: 2, advances: 5, usefulContacts: 3 })).toEqual([]);
    expect(keys({ channel: 'events', date: today, pitches: 3, usefulContacts: 3 })).toEqual([]);
    expect(keys({ channel: 'events', date: today, pitches: 4, advances: 0, usefulContacts: 3 })).toEqual(['pitches']);
    expect(keys({ channel: 'events', date: today, pitches: 1, usefulContacts: null })).toEqual(['pitches']);
    expect(keys({ channel: 'events', date: today, pitches: 0, advances: 0, usefulContacts: 0 })).toEqual([]);
    const both = effortFlags({ channel: 'events', date: today, drinks: 3, pitches: 4, usefulContacts: 0 }, { today });
    expect(both.map((f) => f.label)).toEqual(['Past two drinks', 'More pitches than useful contacts']);
  });

  it('flags an event where job seekers asked you for work', () => {
    expect(keys({ channel: 'events', date: today, jobSeekerAsks: 5, usefulContacts: 1 })).toEqual(['jobSeekers']);
    expect(keys({ channel: 'events', date: today, jobSeekerAsks: 0 })).toEqual([]);
    expect(keys({ channel: 'volunteering', date: today, jobSeekerAsks: 5 })).toEqual([]);
  });

  it('applies event rules to events only', () => {
    expect(keys({ channel: 'organizations', date: today, drinks: 5, pitches: 5 })).toEqual([]);
  });

  it('flags a stretch project only when it is unrelated to the niche', () => {
    expect(keys({ channel: 'stretch', date: today, similarity: 'unrelated' })).toEqual(['unrelated']);
    expect(effortFlags({ channel: 'stretch', date: today, similarity: 'unrelated' }, { today })[0].label).toBe(
      'Unrelated to your niche',
    );
    for (const similarity of ['adjacent', 'close', 'core'] as const) {
      expect(keys({ channel: 'stretch', date: today, similarity })).toEqual([]);
    }
  });

  it('flags a missing thank-you more than two days after the interview', () => {
    expect(keys({ channel: 'interviews', date: '2026-03-08', thankYouSent: false })).toEqual([]);
    expect(keys({ channel: 'interviews', date: '2026-03-07', thankYouSent: false })).toEqual(['thankYou']);
    expect(keys({ channel: 'interviews', date: '2026-03-07', thankYouSent: null })).toEqual(['thankYou']);
    expect(keys({ channel: 'interviews', date: '2026-03-01', thankYouSent: true })).toEqual([]);
    // An interview planned for later is not late.
    expect(keys({ channel: 'interviews', date: '2026-04-01', thankYouSent: false })).toEqual([]);
  });
});
