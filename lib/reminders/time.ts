// Local-time arithmetic for reminders: every decision is made in the person's own time zone,
// from an instant passed in, so tests can pin the clock.

export interface LocalParts {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** 0–23, local. */
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows the IANA time zone name. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone itself when valid, UTC otherwise (a stored zone the runtime no longer knows). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Weekday of a YYYY-MM-DD date, ISO numbering (Monday = 1). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local date, hour and weekday of an instant in a time zone. */
export function localParts(now: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(safeTimeZone(timeZone)).formatToParts(now)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, hour: Number(parts.hour) % 24, minute: Number(parts.minute), weekday: isoWeekday(date) };
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The ISO week of a date as "2026-W09" (the year is the ISO week-year). */
export function isoWeekKey(date: string): string {
  const thursday = shift(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface SendPrefs {
  dailyEnabled: boolean;
  dailyHour: number;
  timeZone: string;
  weeklyEnabled: boolean;
  coachWeeklyEnabled: boolean;
}

export interface DailySlot {
  /** The claim key: the person's local date. */
  periodKey: string;
  /** "Today" for deciding what is due, in the person's calendar. */
  today: string;
}

/** The daily nudge is due once the local hour reaches the chosen one, once per local date. */
export function dailySlot(prefs: SendPrefs, now: Date): DailySlot | null {
  if (!prefs.dailyEnabled) return null;
  const local = localParts(now, prefs.timeZone);
  if (local.hour < prefs.dailyHour) return null;
  return { periodKey: local.date, today: local.date };
}

export interface WeeklySlot {
  /** The claim key: the ISO week of the local Monday. */
  periodKey: string;
  today: string;
  /** The week reported on: the seven days before this Monday, inclusive. */
  weekFrom: string;
  weekTo: string;
}

/** Weekly digests go on the local Monday, at or after the chosen hour; one per ISO week. */
export function weeklySlot(prefs: SendPrefs, now: Date): WeeklySlot | null {
  const local = localParts(now, prefs.timeZone);
  if (local.weekday !== 1 || local.hour < prefs.dailyHour) return null;
  return { periodKey: isoWeekKey(local.date), today: local.date, weekFrom: shift(local.date, -7), weekTo: shift(local.date, -1) };
}
