import ICAL from 'ical.js';
import { EFFORT_TITLE_MAX } from '@/lib/schemas/limits';
import { decodeUtf8 } from './csv';

/** Occurrences read from one file; a year of a busy calendar is well below. */
export const MAX_OCCURRENCES = 5_000;
/** Occurrences of one repeating event that are read; a weekly call for a year and a half. */
const MAX_PER_SERIES = 80;
/** How far back a repeating event is followed. */
const SERIES_DAYS_BACK = 2 * 366;

export interface CalendarPerson {
  email: string;
  /** The name the calendar gives, or '' when it gives only the address. */
  name: string;
}

/** One occurrence of a calendar event, with the people in it. */
export interface CalendarOccurrence {
  /** The event's UID and this occurrence's start: the same meeting in another upload has the same key. */
  key: string;
  /** YYYY-MM-DD, as the calendar shows it in the event's own time zone. */
  date: string;
  summary: string;
  /** Length in hours, rounded to a quarter; null for all-day entries. */
  hours: number | null;
  cancelled: boolean;
  organizer: string | null;
  /** Everyone invited or organizing, less rooms, resources and those who declined. */
  people: CalendarPerson[];
}

export type CalendarParseResult = { ok: true; occurrences: CalendarOccurrence[]; owner: string | null } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().replace(/^mailto:/i, '').toLowerCase();
  return v.length <= 254 && EMAIL.test(v) ? v : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (t: ICAL.Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const clip = (s: string, max: number) => {
  const clean = s.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(clean).length <= max ? clean : `${Array.from(clean).slice(0, max - 1).join('').trimEnd()}…`;
};

function peopleOf(event: ICAL.Event): { organizer: string | null; people: CalendarPerson[] } {
  const people = new Map<string, CalendarPerson>();
  const organizerProp = event.component.getFirstProperty('organizer');
  const organizer = addressOf(organizerProp?.getFirstValue());
  const nameOf = (p: ICAL.Property | null | undefined, email: string) => {
    const cn = p?.getParameter('cn');
    const name = typeof cn === 'string' ? clip(cn, 120) : '';
    return name.toLowerCase() === email ? '' : name;
  };
  if (organizer) people.set(organizer, { email: organizer, name: nameOf(organizerProp, organizer) });
  for (const a of event.attendees) {
    const email = addressOf(a.getFirstValue());
    if (!email) continue;
    const cutype = String(a.getParameter('cutype') ?? 'INDIVIDUAL').toUpperCase();
    const partstat = String(a.getParameter('partstat') ?? '').toUpperCase();
    if (cutype !== 'INDIVIDUAL' || partstat === 'DECLINED') continue;
    if (!people.has(email) || !people.get(email)!.name) people.set(email, { email, name: nameOf(a, email) });
  }
  return { organizer, people: [...people.values()] };
}

function occurrenceOf(uid: string, event: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null, occurrenceId: ICAL.Time): CalendarOccurrence {
  const { organizer, people } = peopleOf(event);
  const seconds = end && !start.isDate ? end.subtractDate(start).toSeconds() : 0;
  const status = String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase();
  return {
    key: `${uid}|${occurrenceId.toICALString()}`,
    date: dateOf(start),
    summary: clip(event.summary ?? '', EFFORT_TITLE_MAX),
    hours: start.isDate ? null : Math.min(24, Math.max(0.25, Math.round((seconds / 3600) * 4) / 4)),
    cancelled: status === 'CANCELLED',
    organizer,
    people,
  };
}

/**
 * Reads an .ics file as calendar programs export it (Google Calendar, Outlook, Apple Calendar):
 * every event, repeating ones followed up to `today` (and at most two years back), moved
 * occurrences in place of the ones they replace. A file that is not a calendar is refused whole.
 */
export function parseCalendar(bytes: Uint8Array, { today }: { today: string }): CalendarParseResult {
  const decoded = decodeUtf8(bytes, 'Export the calendar again as an .ics file and upload that file.');
  if (!decoded.ok) return decoded;
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(decoded.text) as unknown[]);
  } catch {
    return { ok: false, error: 'This is not a calendar file that can be read (.ics). Nothing was imported; export the calendar again.' };
  }
  if (root.name !== 'vcalendar') return { ok: false, error: 'This is not a calendar file (.ics): it has no VCALENDAR.' };
  const owner = addressOf(root.getFirstPropertyValue('x-wr-calname'));
  const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid') ?? '').trim();
    const start = vevent.getFirstPropertyValue('dtstart');
    if (!uid || !start) continue;
    const entry = byUid.get(uid) ?? { exceptions: [] };
    if (vevent.hasProperty('recurrence-id')) entry.exceptions.push(vevent);
    else entry.master = vevent;
    byUid.set(uid, entry);
  }
  const todayTime = ICAL.Time.fromDateString(today);
  const earliest = todayTime.clone();
  earliest.adjust(-SERIES_DAYS_BACK, 0, 0, 0);
  const occurrences: CalendarOccurrence[] = [];
  const tooMany = () => ({ ok: false as const, error: `The file has more than ${MAX_OCCURRENCES.toLocaleString('en-US')} events. Export a shorter period.` });
  try {
    for (const [uid, { master, exceptions }] of byUid) {
      if (!master) {
        // Moved occurrences of a series the file does not hold: each stands on its own.
        for (const ex of exceptions) {
          const e = new ICAL.Event(ex);
          occurrences.push(occurrenceOf(uid, e, e.startDate, e.endDate, e.recurrenceId));
        }
      } else {
        const event = new ICAL.Event(master, { strictExceptions: false });
        for (const ex of exceptions) event.relateException(ex);
        if (!event.isRecurring()) {
          occurrences.push(occurrenceOf(uid, event, event.startDate, event.endDate, event.startDate));
        } else {
          const it = event.iterator();
          let n = 0;
          for (let next = it.next(); next && n < MAX_PER_SERIES; next = it.next()) {
            if (next.compare(todayTime) > 0 && dateOf(next) > today) break;
            if (next.compare(earliest) < 0) continue;
            const details = event.getOccurrenceDetails(next);
            occurrences.push(occurrenceOf(uid, details.item, details.startDate, details.endDate, next));
            n++;
          }
        }
      }
      if (occurrences.length > MAX_OCCURRENCES) return tooMany();
    }
  } catch {
    return { ok: false, error: 'Some events in this calendar file cannot be read. Nothing was imported; export the calendar again.' };
  }
  occurrences.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? -1 : 1));
  return { ok: true, occurrences, owner };
}
