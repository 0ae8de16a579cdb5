import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ics';

const NOW = new Date('2026-03-12T09:30:00.000Z');

describe('buildCalendar', () => {
  const ics = buildCalendar({
    name: 'Groundwork follow-ups',
    now: NOW,
    events: [
      {
        uid: 'follow-up-7c0e8a36-5d2b-4a58-9d4f-1f9bb2f4a111@groundwork',
        date: '2026-03-20',
        summary: 'Follow up with Zoë Ødegård (Acme, Inc.; "Growth")',
        description: 'Line one\nLine two, with \\ backslash; and 🎉 emoji. '.repeat(4),
        url: 'https://example.test/w/1/contacts/2',
      },
      { uid: 'keep-in-touch-2@groundwork', date: '2026-12-31', summary: 'Keep in touch with 李小龙' },
    ],
  });

  it('is parsed by a real iCalendar parser with the values intact', () => {
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Groundwork//Follow-ups//EN');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first.uid).toBe('follow-up-7c0e8a36-5d2b-4a58-9d4f-1f9bb2f4a111@groundwork');
    expect(first.summary).toBe('Follow up with Zoë Ødegård (Acme, Inc.; "Growth")');
    expect(first.description).toBe('Line one\nLine two, with \\ backslash; and 🎉 emoji. '.repeat(4));
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2026-03-20');
    expect(first.endDate.toString()).toBe('2026-03-21');
    expect(second.endDate.toString()).toBe('2027-01-01');
    const stamp = cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe(NOW.toISOString());
    expect(stamp.zone?.tzid).toBe('UTC');
  });

  it('uses CRLF line endings and folds every line to at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260320\r\n');
    expect(ics).toContain('DTSTAMP:20260312T093000Z\r\n');
  });
});

describe('escapeText and foldLine', () => {
  it('escape backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('never splits a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
});
