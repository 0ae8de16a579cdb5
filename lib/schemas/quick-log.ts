import { z } from 'zod';
import { amount, isoDate, longText, optionalEmail, optionalInt, text } from './common';
import { EFFORT_TITLE_MAX } from './limits';
import { MAX_MONEY } from './opportunity-options';

import { MAX_QUICK_CONTACTS, QUICK_LOG_CHANNELS } from './quick-log-options';

export { MAX_QUICK_CONTACTS, QUICK_LOG_CHANNEL_LABELS, QUICK_LOG_CHANNELS, type QuickLogChannel } from './quick-log-options';
const MAX_COUNT = 1000;

/** Hours of one sitting: required, more than 0 and at most a day. */
const hours = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
  z
    .number({ error: (issue) => (issue.input === undefined ? 'Enter the hours it took' : 'Hours must be a number') })
    .finite('Hours must be a number')
    .gt(0, 'Hours must be more than 0')
    .max(24, 'Hours must be at most 24'),
);

export const quickContactSchema = z
  .object({
    name: text(120, { label: 'Name' }),
    company: text(120, { label: 'Company' }),
    email: optionalEmail,
  })
  .superRefine((row, ctx) => {
    if (!row.name && (row.company || row.email)) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter a name for this contact, or clear the row' });
    }
  });

const isBlankRow = (row: { name: string; company: string; email: string }) => !row.name && !row.company && !row.email;

export const quickLogSchema = z
  .object({
    channel: z.enum(QUICK_LOG_CHANNELS, { error: 'Choose what you are logging' }),
    title: text(EFFORT_TITLE_MAX, { min: 1, label: 'Title' }),
    date: isoDate('Date'),
    hours,
    moneySpent: amount(MAX_MONEY, 'Money spent'),
    drinks: optionalInt(MAX_COUNT, 'Drinks'),
    pitches: optionalInt(MAX_COUNT, 'Pitches received'),
    advances: optionalInt(MAX_COUNT, 'Advances received'),
    jobSeekerAsks: optionalInt(MAX_COUNT, 'Job seekers asking for work'),
    usefulContacts: optionalInt(MAX_COUNT, 'Useful contacts'),
    helped: text(200, { label: 'Who you helped' }).default(''),
    what: longText(2000, 'What you did').default(''),
    contacts: z.array(quickContactSchema).max(MAX_QUICK_CONTACTS, 'Add at most three contacts at a time').default([]),
  })
  .transform((v) => {
    const isEvent = v.channel === 'events';
    return {
      ...v,
      // Only the chosen channel's fields are kept, so a switch of channel mid-form leaves nothing behind.
      drinks: isEvent ? v.drinks : null,
      pitches: isEvent ? v.pitches : null,
      advances: isEvent ? v.advances : null,
      jobSeekerAsks: isEvent ? v.jobSeekerAsks : null,
      usefulContacts: isEvent ? v.usefulContacts : null,
      helped: isEvent ? '' : v.helped,
      what: isEvent ? '' : v.what,
      contacts: v.contacts.filter((row) => !isBlankRow(row)),
    };
  });
export type QuickLogFormInput = z.input<typeof quickLogSchema>;
export type QuickLogInput = z.output<typeof quickLogSchema>;
