import { z } from 'zod';
import { CHANNEL_KEYS } from '@/lib/payoff/channels';
import { LIMITS, ORG_KINDS, SIMILARITIES, STRETCH_STATUSES } from './effort-options';
import { EFFORT_TITLE_MAX } from './limits';
import {
  checkbox,
  emptyToNull,
  entryHours,
  isoDate,
  isRealDate,
  longText,
  NO_CONTROL_CHARS,
  optionalAmount,
  optionalInt,
  optionalIsoDate,
  text,
  uuid,
  version,
} from './common';

export * from './effort-options';

type Values<T extends readonly { value: string }[]> = T[number]['value'];
const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((o) => o.value) as unknown as [Values<T>, ...Values<T>[]];

// ---------------------------------------------------------------------------------------------
// The effort schema: common fields plus a discriminated union on channel.
// ---------------------------------------------------------------------------------------------

const contactIdList = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === false || v === '') return [];
    const list = Array.isArray(v) ? v : [v];
    return [...new Set(list.filter((x) => typeof x === 'string' && x !== ''))];
  },
  z
    .array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Not a valid contact'))
    .max(LIMITS.contacts, `Choose at most ${LIMITS.contacts} contacts`),
);

const common = {
  title: text(EFFORT_TITLE_MAX, { min: 1, label: 'Title' }),
  date: isoDate('Date'),
  hours: z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: 'Hours must be a number' })
      .finite('Hours must be a number')
      .min(0, 'Hours cannot be negative')
      .max(LIMITS.entryHours, 'Hours must be at most 24; log longer efforts as several time entries')
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'Hours can have at most 2 decimals')
      .nullable(),
  ),
  moneySpent: optionalAmount(LIMITS.money, 'Money spent'),
  notes: longText(5000, 'Notes'),
  contactIds: contactIdList,
};

const count = (label: string) => optionalInt(LIMITS.count, label);

const eventsSchema = z.object({
  channel: z.literal('events'),
  ...common,
  venue: text(200, { label: 'Venue' }),
  drinks: count('Drinks'),
  conversations: count('Conversations'),
  pitches: count('Pitches'),
  advances: count('Advances'),
  jobSeekerAsks: count('Job seekers asking for work'),
  usefulContacts: count('Useful contacts'),
});

const organizationsSchema = z
  .object({
    channel: z.literal('organizations'),
    ...common,
    orgKind: z.enum(values(ORG_KINDS), { error: 'Choose the kind of organization' }),
    cause: text(200, { label: 'Cause' }),
    contribution: longText(1000, 'Role and contribution'),
    joinedOn: optionalIsoDate('Joined on'),
    leftOn: optionalIsoDate('Left on'),
    yearlyDues: optionalAmount(LIMITS.money, 'Yearly dues'),
  })
  .refine((v) => !v.joinedOn || !v.leftOn || v.leftOn >= v.joinedOn, {
    path: ['leftOn'],
    message: 'Left on cannot be before joined on',
  });

const volunteeringSchema = z.object({
  channel: z.literal('volunteering'),
  ...common,
  helped: text(200, { label: 'Who you helped' }),
  whatWasDone: longText(1000, 'What you did'),
  skillUsed: text(200, { label: 'Skill used' }),
});

const stretchSchema = z.object({
  channel: z.literal('stretch'),
  ...common,
  field: text(200, { label: 'Field' }),
  client: text(200, { label: 'Client' }),
  status: z.enum(values(STRETCH_STATUSES), { error: 'Choose a status' }),
  paidAmount: optionalAmount(LIMITS.money, 'Paid amount'),
  similarity: z.enum(values(SIMILARITIES), { error: 'Choose how close this project is to your niche' }),
  similarityReason: longText(1000, 'Reason'),
});

const interviewsSchema = z.object({
  channel: z.literal('interviews'),
  ...common,
  person: text(120, { label: 'Person' }),
  company: text(120, { label: 'Company' }),
  personRole: text(120, { label: 'Role' }),
  questions: longText(2000, 'Questions prepared'),
  learned: longText(2000, 'What you learned'),
  thankYouSent: checkbox,
  followUpOn: optionalIsoDate('Follow-up date'),
});

const linkedinSchema = z.object({
  channel: z.literal('linkedin'),
  ...common,
  messages: count('Messages'),
  posts: count('Posts'),
  meetings: count('Meetings'),
  connections: count('Connections'),
});

const otherSchema = z.object({
  channel: z.literal('other'),
  ...common,
  otherLabel: text(60, { min: 1, label: 'What kind of effort' }),
});

/** An effort as the form sends it; the same schema validates on the server. */
export const effortSchema = z.discriminatedUnion(
  'channel',
  [eventsSchema, organizationsSchema, volunteeringSchema, stretchSchema, interviewsSchema, linkedinSchema, otherSchema],
  { error: 'Choose a channel' },
);
export type EffortInput = z.output<typeof effortSchema>;
export type EffortFormInput = z.input<typeof effortSchema>;

const recordRef = { id: uuid, version };

/** An edit: the effort plus its id and the version the form loaded. */
export const updateEffortSchema = z.intersection(effortSchema, z.object(recordRef));
export type UpdateEffortInput = z.output<typeof updateEffortSchema>;

export const deleteEffortSchema = z.object({ id: recordRef.id });

// ---------------------------------------------------------------------------------------------
// Time entries
// ---------------------------------------------------------------------------------------------

export const timeEntrySchema = z.object({
  date: isoDate('Date'),
  hours: entryHours(),
  note: text(200, { label: 'Note' }),
});
export type TimeEntryInput = z.output<typeof timeEntrySchema>;
export type TimeEntryFormInput = z.input<typeof timeEntrySchema>;

export const addTimeEntrySchema = timeEntrySchema.extend({ effortId: recordRef.id });
export const updateTimeEntrySchema = timeEntrySchema.extend({ id: recordRef.id });
export const deleteTimeEntrySchema = z.object({ id: recordRef.id });

// ---------------------------------------------------------------------------------------------
// List filters from the URL: bad values fall back to defaults instead of failing.
// ---------------------------------------------------------------------------------------------

const CURSOR = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function lenient<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .transform((v) => {
      const first = Array.isArray(v) ? v[0] : v;
      const r = schema.safeParse(first);
      return r.success ? (r.data as z.output<T>) : undefined;
    })
    .optional();
}

/** The efforts list's query string: channel, from, to, q and a keyset cursor. */
export const effortFiltersSchema = z.object({
  channel: lenient(z.enum(CHANNEL_KEYS)),
  from: lenient(isoDate()),
  to: lenient(isoDate()),
  q: lenient(z.string().regex(NO_CONTROL_CHARS).trim().min(1).max(100)),
  before: lenient(z.string().regex(CURSOR)),
  after: lenient(z.string().regex(CURSOR)),
});
export type EffortFilters = z.output<typeof effortFiltersSchema>;

/** Splits a "date_id" cursor; null when it is malformed. */
export function parseCursor(cursor: string | undefined): { date: string; id: string } | null {
  const m = cursor ? CURSOR.exec(cursor) : null;
  if (!m || !isRealDate(m[1])) return null;
  return { date: m[1], id: m[2].toLowerCase() };
}
