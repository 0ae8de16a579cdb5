import { z } from 'zod';
import { checkbox, entryHours, isoDate, longText, optionalInt, optionalIsoDate, optionalUuid, pastIsoDate, text } from './common';
import { LIMITS } from './effort-options';
import { REACHED_OUT_KINDS } from './quick-path-options';

/**
 * Someone new or someone already in the contacts: a picked id wins over a typed name, and one of
 * the two is needed.
 */
function personOf(label: string) {
  return {
    contactId: optionalUuid(label),
    personName: text(120, { label: 'Name' }).default(''),
  };
}

function needsPerson(v: { contactId: string | null; personName: string }, ctx: z.RefinementCtx) {
  if (!v.contactId && !v.personName) {
    ctx.addIssue({ code: 'custom', path: ['personName'], message: 'Choose a contact or type a name' });
  }
}

/** An informational interview: the person, their company and role, what you learned, the thank-you and follow-up. */
export const quickInterviewSchema = z
  .object({
    ...personOf('Person'),
    company: text(120, { label: 'Their company' }).default(''),
    personRole: text(120, { label: 'Their role' }).default(''),
    date: pastIsoDate('Date'),
    hours: entryHours().default(0.5),
    learned: longText(2000, 'What you learned').default(''),
    thankYouSent: checkbox,
    followUpOn: optionalIsoDate('Follow-up date'),
  })
  .superRefine(needsPerson);
export type QuickInterviewInput = z.output<typeof quickInterviewSchema>;

/** "They reached out": the evidence that someone remembers you. */
export const quickReachedOutSchema = z
  .object({
    ...personOf('Contact'),
    kind: z.enum(REACHED_OUT_KINDS, { error: 'Choose how they reached out' }),
    date: pastIsoDate('Date'),
    notes: longText(2000, 'Note').default(''),
  })
  .superRefine(needsPerson);
export type QuickReachedOutInput = z.output<typeof quickReachedOutSchema>;

/** Time given to an organization you belong to: one time entry on its membership. */
export const quickOrgTimeSchema = z.object({
  effortId: z.string({ error: 'Choose the organization' }).uuid('Choose the organization'),
  date: isoDate('Date'),
  hours: entryHours(),
  note: text(200, { label: 'What you did' }).default(''),
});
export type QuickOrgTimeInput = z.output<typeof quickOrgTimeSchema>;

const count = (label: string) => optionalInt(LIMITS.count, label);

/** A sitting of LinkedIn work: messages, meetings arranged, connections, posts. */
export const quickLinkedinSchema = z
  .object({
    date: isoDate('Date'),
    hours: entryHours(),
    messages: count('Messages sent'),
    meetings: count('Meetings arranged'),
    connections: count('Connections made'),
    posts: count('Posts'),
    notes: longText(2000, 'Notes').default(''),
  });
export type QuickLinkedinInput = z.output<typeof quickLinkedinSchema>;
