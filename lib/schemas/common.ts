import { z } from 'zod';
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

const emptyToNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);

/** A non-negative amount that may be left empty; arrives as text from forms. */
export function optionalAmount(max: number, label = 'Amount') {
  return z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: `${label} must be a number` })
      .finite(`${label} must be a number`)
      .min(0, `${label} cannot be negative`)
      .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`)
      .nullable(),
  );
}

export const currency = z.enum(CURRENCIES, { error: 'Choose a currency from the list' });
