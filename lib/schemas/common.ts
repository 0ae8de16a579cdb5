import { z } from 'zod';
import { addDays, today } from '@/lib/dates';
import { CURRENCIES } from './limits';

export { CURRENCIES } from './limits';

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text without any control character (search boxes and cursors in URLs; PostgreSQL refuses NUL). */
export const NO_CONTROL_CHARS = /^[^\u0000-\u001F\u007F]*$/;

/** Trimmed single-line text with a length limit; control characters refused. */
export function text(max: number, { min = 0, label = 'This field' } = {}) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => v.length >= min, min <= 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .refine((v) => !CONTROL_CHARS.test(v) && !/[\r\n]/.test(v), `${label} must be a single line of plain text`);
}

/** Multi-line free text (notes) with a length limit. */
export function longText(max: number, label = 'This field') {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label} contains characters that are not allowed`);
}

/** A checkbox as it arrives from a form or a script: true only for an explicit yes; absent is false. */
export const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

export const uuid = z.string().uuid('Not a valid id');

/** An e-mail address, normalised to lower case. */
export const email = z
  .string({ error: 'Enter your email address' })
  .trim()
  .min(1, { error: 'Enter your email address', abort: true })
  .max(254, 'Email must be at most 254 characters')
  .email('Enter a valid email address')
  .transform((v) => v.toLowerCase());

/** An e-mail address that may be left empty; empty stays empty, anything else is stored lower-cased. */
export const optionalEmail = z
  .string({ error: 'Email must be text' })
  .trim()
  .max(254, 'Email must be at most 254 characters')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address')
  .transform((v) => v.toLowerCase());

/** What a form sends for a field left empty (blank text, nothing at all) becomes null. */
export const emptyToNull = (v: unknown) => {
  const t = typeof v === 'string' ? v.trim() : v;
  return t === '' || t === undefined || t === null ? null : t;
};

export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '2100-12-31';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for YYYY-MM-DD naming a day the calendar has (not 30 February). */
export function isRealDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A required calendar date as YYYY-MM-DD between 1970-01-01 and 2100-12-31. */
export function isoDate(label = 'Date') {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required`, abort: true })
    .regex(ISO_DATE, { error: `${label} must be a date like 2026-03-12`, abort: true })
    .refine(isRealDate, { error: `${label} must be a real date`, abort: true })
    .refine((v) => v >= MIN_DATE && v <= MAX_DATE, `${label} must be between 1970 and 2100`);
}

/**
 * A date something already happened on: not after today. A day of slack covers people ahead of
 * the server's calendar (UTC); a year typed as 2099 is refused instead of hiding a contact's last touch.
 */
export function pastIsoDate(label = 'Date') {
  return isoDate(label).refine((v) => v <= addDays(today(), 1), `${label} can't be in the future`);
}

/** A calendar date (any, or only `past` ones) that may be left empty (null). */
export function optionalIsoDate(label = 'Date', { past = false } = {}) {
  return z.preprocess(emptyToNull, (past ? pastIsoDate(label) : isoDate(label)).nullable());
}

/** A whole number that may be left empty (null), from `min` (0 unless given) to `max`; arrives as text from forms. */
export function optionalInt(max: number, label = 'This number', { min = 0 } = {}) {
  return z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: `${label} must be a whole number` })
      .finite(`${label} must be a whole number`)
      .int(`${label} must be a whole number`)
      .min(min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`)
      .nullable(),
  );
}

function money(max: number, label: string) {
  return z.coerce
    .number({ error: `${label} must be a number` })
    .finite(`${label} must be a number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`);
}

/** A non-negative amount of money that may be left empty (null); arrives as text from forms. */
export function optionalAmount(max: number, label = 'Amount') {
  return z.preprocess(emptyToNull, money(max, label).nullable());
}

/** A non-negative amount of money that is 0 when left empty. */
export function amount(max: number, label = 'Amount') {
  return z.preprocess((v) => emptyToNull(v) ?? 0, money(max, label));
}

/** Hours on one time entry: more than 0, at most a day, at most 2 decimals. */
export function entryHours(label = 'Hours') {
  return z.coerce
    .number({ error: `${label} must be a number` })
    .finite(`${label} must be a number`)
    .gt(0, `${label} must be more than 0`)
    .max(24, `${label} must be at most 24 per entry`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, `${label} can have at most 2 decimals`);
}

/** A record picked from a list, or none (a picker left on "none" sends an empty string). */
export function optionalUuid(label?: string) {
  return z.preprocess(emptyToNull, z.string().uuid(label ? `${label} is not one of the choices` : 'Not a valid id').nullable());
}

/** The version an edit form loaded, for optimistic concurrency. */
export const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1).max(2_147_483_647);

export const currency = z.enum(CURRENCIES, { error: 'Choose a currency from the list' });
