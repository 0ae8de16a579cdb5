import { z } from 'zod';
import { CHANNEL_KEYS } from '@/lib/payoff/channels';
import { emptyToNull, longText, NO_CONTROL_CHARS, optionalEmail, optionalInt, optionalIsoDate, optionalUuid, text, uuid, version } from './common';
import { CADENCE_MAX, CHANNEL_UNKNOWN } from './limits';

export { CADENCE_MAX, CHANNEL_UNKNOWN } from './limits';

export const TAG_MAX = 40;
export const TAGS_MAX = 20;

/** Tags typed as "a, b, c" (or sent as a list): trimmed, empties dropped, duplicates removed ignoring case. */
export const tags = z.preprocess(
  (v) => {
    const parts = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : v == null ? [] : v;
    if (!Array.isArray(parts)) return parts;
    const seen = new Set<string>();
    const out: unknown[] = [];
    for (const part of parts) {
      if (typeof part !== 'string') {
        out.push(part);
        continue;
      }
      const tag = part.trim().replace(/\s+/g, ' ');
      if (!tag || seen.has(tag.toLowerCase())) continue;
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
    return out;
  },
  // Errors are reported on the field itself, not on one item, so the form can show them.
  z.array(z.string({ error: 'Tags must be text' }), { error: 'Tags must be text' }).superRefine((list, ctx) => {
    if (list.length > TAGS_MAX) ctx.addIssue({ code: 'custom', message: `Use at most ${TAGS_MAX} tags` });
    const long = list.find((t) => t.length > TAG_MAX);
    if (long) ctx.addIssue({ code: 'custom', message: `Each tag must be at most ${TAG_MAX} characters` });
    if (list.some((t) => /[\u0000-\u001F\u007F]/.test(t))) {
      ctx.addIssue({ code: 'custom', message: 'Tags must be plain text' });
    }
  }),
);

const LINKEDIN_HOSTS = new Set(['linkedin.com', 'www.linkedin.com']);

/** True for an http(s) address on linkedin.com or www.linkedin.com, without credentials. */
export function isLinkedinUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    LINKEDIN_HOSTS.has(url.hostname.toLowerCase()) &&
    !url.username &&
    !url.password &&
    (url.port === '' || url.port === '443' || url.port === '80')
  );
}

export const linkedinUrl = text(300, { label: 'LinkedIn URL' }).refine(
  (v) => v === '' || isLinkedinUrl(v),
  'Enter a LinkedIn address starting with https://www.linkedin.com/',
);

export const phone = text(40, { label: 'Phone' }).refine(
  (v) => v === '' || (/^[0-9+()./\s-]+(\s*(x|ext\.?)\s*\d+)?$/i.test(v) && /\d/.test(v)),
  'Enter a phone number using digits, spaces and + ( ) - .',
);


/** A channel picked directly; "unknown" or empty means none. */
export const optionalChannel = z.preprocess(
  (v) => (v === CHANNEL_UNKNOWN ? null : emptyToNull(v)),
  z.enum(CHANNEL_KEYS, { error: 'Choose a channel from the list' }).nullable(),
);


export const contactSchema = z.object({
  name: text(120, { min: 1, label: 'Name' }),
  email: optionalEmail,
  phone,
  company: text(120, { label: 'Company' }),
  role: text(120, { label: 'Role' }),
  linkedinUrl,
  tags,
  notes: longText(5000, 'Notes'),
  metThroughEffortId: optionalUuid(),
  channel: optionalChannel,
  metOn: optionalIsoDate('Met on', { past: true }),
  cadenceDays: optionalInt(CADENCE_MAX, 'Keep-in-touch cadence', { min: 1 }),
  nextFollowUpOn: optionalIsoDate('Next follow-up'),
});
export type ContactFormInput = z.input<typeof contactSchema>;

/** The contact form with every field but the name left blank. */
export const BLANK_CONTACT_FORM: Omit<ContactFormInput, 'name'> = {
  email: '',
  phone: '',
  company: '',
  role: '',
  linkedinUrl: '',
  tags: '',
  notes: '',
  metThroughEffortId: '',
  channel: '',
  metOn: '',
  cadenceDays: '',
  nextFollowUpOn: '',
};
export type ContactInput = z.output<typeof contactSchema>;

export const updateContactSchema = contactSchema.extend({ id: uuid, version });
export type UpdateContactInput = z.output<typeof updateContactSchema>;

export const deleteContactSchema = z.object({ id: uuid });

/** The list's query string: unknown or malformed values fall back to defaults. */
export const contactListQuerySchema = z.object({
  q: z.string().regex(NO_CONTROL_CHARS).trim().max(100).catch(''),
  tag: z.string().regex(NO_CONTROL_CHARS).trim().max(TAG_MAX).catch(''),
  cold: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  after: z.string().regex(NO_CONTROL_CHARS).max(400).optional().catch(undefined),
  before: z.string().regex(NO_CONTROL_CHARS).max(400).optional().catch(undefined),
});
export type ContactListQuery = z.output<typeof contactListQuerySchema>;
