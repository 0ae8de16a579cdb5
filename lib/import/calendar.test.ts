import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from './calendar';

const fixture = new Uint8Array(readFileSync(path.join(__dirname, '../../e2e/fixtures/calendar.ics')));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseCalendar', () => {
  it('reads a Google Calendar export: people, rooms left out, a weekly series with its moved occurrence', () => {
    const r = parseCalendar(fixture, { today: '2026-03-01' });
    if (!r.ok) throw new Error(r.error);
    expect(r.owner).toBe('ana.lima@example.com');
    expect(r.occurrences.map((o) => [o.date, o.summary, o.hours, o.cancelled, o.organizer, o.people.map((p) => p.email).sort()])).toEqual([
      ['2026-01-15', "Biotech writers' lunch", 1.5, false, 'zoe.odegard@acme.example', ['ana.lima@example.com', 'jose@example.com', 'zoe.odegard@acme.example']],
      ['2026-01-20', 'Call with Zoë', 0.5, true, 'ana.lima@example.com', ['ana.lima@example.com', 'zoe.odegard@acme.example']],
      ['2026-02-03', "Writers' club board call", 1, false, 'ana.lima@example.com', ['ana.lima@example.com', 'jose@example.com']],
      ['2026-02-05', 'Vendor webinar', 1, false, 'sales@vendor.example', ['ana.lima@example.com', 'pat@vendor.example', 'sales@vendor.example']],
      ['2026-02-10', 'Coffee with Rosa Brandt', 0.5, false, 'ana.lima@example.com', ['ana.lima@example.com', 'rosa.brandt@studio.example']],
      ['2026-02-11', "Writers' club board call (moved)", 1, false, 'ana.lima@example.com', ['ana.lima@example.com', 'jose@example.com']],
      ['2026-02-17', "Writers' club board call", 1, false, 'ana.lima@example.com', ['ana.lima@example.com', 'jose@example.com']],
      // A single event in the future is read; it is the import that leaves it out.
      ['2099-01-20', 'Planning with Zoë', 0.5, false, 'ana.lima@example.com', ['ana.lima@example.com', 'zoe.odegard@acme.example']],
    ]);
    const zoe = r.occurrences[0].people.find((p) => p.email === 'zoe.odegard@acme.example');
    expect(zoe?.name).toBe('Zoë Ødegård');
    // Google gives the address as the name when it knows no other.
    expect(r.occurrences[4].people.find((p) => p.email === 'rosa.brandt@studio.example')?.name).toBe('');
    expect(new Set(r.occurrences.map((o) => o.key)).size).toBe(8);
  });

  it('gives an occurrence the same key in every upload, and follows a series only up to today', () => {
    const early = parseCalendar(fixture, { today: '2026-02-04' });
    const late = parseCalendar(fixture, { today: '2026-03-01' });
    if (!early.ok || !late.ok) throw new Error('unreadable');
    const board = (o: typeof early.occurrences) => o.filter((x) => x.summary.startsWith("Writers' club")).map((x) => x.key);
    expect(board(early.occurrences)).toEqual(['club-board@google.com|20260203T180000']);
    expect(board(late.occurrences)[0]).toBe(board(early.occurrences)[0]);
  });

  it('refuses what is not a calendar, whole', () => {
    expect(parseCalendar(bytes('BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n'), { today: '2026-03-01' }).ok).toBe(false);
    expect(parseCalendar(bytes('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026'), { today: '2026-03-01' })).toEqual({ ok: false, error: expect.stringMatching(/Nothing was imported/) });
    expect(parseCalendar(bytes('hello'), { today: '2026-03-01' }).ok).toBe(false);
  });
});
