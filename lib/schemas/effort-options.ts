// What the effort forms show before any validation (limits, option lists, each channel's fields),
// kept apart from the zod schemas so a form can render them without downloading the validator.
import type { ChannelKey } from '@/lib/payoff/channels';

/** Limits that the data layer also enforces. */
export const LIMITS = {
  entryHours: 24,
  effortHours: 10_000,
  money: 10_000_000,
  count: 1_000,
  contacts: 100,
} as const;

// ---------------------------------------------------------------------------------------------
// Channel-specific fields, described once for the form, the detail page and the schema.
// ---------------------------------------------------------------------------------------------

export const ORG_KINDS = [
  { value: 'professional_association', label: 'Professional association' },
  { value: 'non_profit', label: 'Non-profit' },
  { value: 'club', label: 'Club' },
  { value: 'freelancers_group', label: "Freelancers' group" },
] as const;
export const STRETCH_STATUSES = [
  { value: 'planned', label: 'Planned' },
  { value: 'active', label: 'Active' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
] as const;
export const SIMILARITIES = [
  { value: 'unrelated', label: 'Unrelated' },
  { value: 'adjacent', label: 'Adjacent' },
  { value: 'close', label: 'Close' },
  { value: 'core', label: 'Core of my niche' },
] as const;


export type FieldKind = 'text' | 'longText' | 'int' | 'money' | 'date' | 'bool' | 'enum';

export interface ChannelFieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  options?: readonly { value: string; label: string }[];
}

/** The fields each channel adds to the common ones, in form order. */
export const CHANNEL_FIELDS: Record<ChannelKey, readonly ChannelFieldSpec[]> = {
  events: [
    { name: 'venue', label: 'Venue', kind: 'text' },
    { name: 'drinks', label: 'Drinks had', kind: 'int', hint: 'Past two is where evenings stop paying off.' },
    { name: 'conversations', label: 'Conversations', kind: 'int' },
    { name: 'pitches', label: 'Pitches received', kind: 'int', hint: 'Unrelated sales pitches: mortgages, lawn care, fitness…' },
    { name: 'advances', label: 'Advances received', kind: 'int', hint: 'People treating it as dating.' },
    { name: 'jobSeekerAsks', label: 'Job seekers asking you for work', kind: 'int' },
    { name: 'usefulContacts', label: 'Useful contacts made', kind: 'int' },
  ],
  organizations: [
    { name: 'orgKind', label: 'Kind of organization', kind: 'enum', options: ORG_KINDS },
    { name: 'cause', label: 'Cause or field', kind: 'text' },
    { name: 'contribution', label: 'Your role and contribution', kind: 'longText', hint: 'e.g. "keeps the books", "brings snacks to the monthly meeting".' },
    { name: 'joinedOn', label: 'Joined on', kind: 'date' },
    { name: 'leftOn', label: 'Left on', kind: 'date', hint: 'Leave empty while you are a member.' },
    { name: 'yearlyDues', label: 'Yearly dues', kind: 'money' },
  ],
  volunteering: [
    { name: 'helped', label: 'Who you helped', kind: 'text' },
    { name: 'whatWasDone', label: 'What you did', kind: 'longText' },
    { name: 'skillUsed', label: 'Skill used', kind: 'text' },
  ],
  stretch: [
    { name: 'field', label: 'Field', kind: 'text' },
    { name: 'client', label: 'Client', kind: 'text' },
    { name: 'status', label: 'Status', kind: 'enum', options: STRETCH_STATUSES },
    { name: 'paidAmount', label: 'Paid amount', kind: 'money' },
    { name: 'similarity', label: 'Similarity to your target niche', kind: 'enum', options: SIMILARITIES },
    { name: 'similarityReason', label: 'Why this similarity', kind: 'longText' },
  ],
  interviews: [
    { name: 'person', label: 'Person', kind: 'text' },
    { name: 'company', label: 'Their company', kind: 'text' },
    { name: 'personRole', label: 'Their role', kind: 'text' },
    { name: 'questions', label: 'Questions prepared', kind: 'longText' },
    { name: 'learned', label: 'What you learned', kind: 'longText' },
    { name: 'thankYouSent', label: 'Thank-you sent', kind: 'bool' },
    { name: 'followUpOn', label: 'Follow-up date', kind: 'date' },
  ],
  linkedin: [
    { name: 'messages', label: 'Messages sent', kind: 'int' },
    { name: 'posts', label: 'Posts', kind: 'int' },
    { name: 'meetings', label: 'Meetings arranged', kind: 'int' },
    { name: 'connections', label: 'Connections made', kind: 'int' },
  ],
  other: [{ name: 'otherLabel', label: 'What kind of effort', kind: 'text', hint: 'A short label, e.g. "Conference talk".' }],
};

export const LINKEDIN_ITEMS = [
  { key: 'summary', label: 'Summary', missing: 'a summary', hint: 'A few lines on what you do and for whom.' },
  { key: 'workHistory', label: 'Work history', missing: 'work history', hint: 'Past roles and projects, with what you achieved.' },
  { key: 'affiliations', label: 'Affiliations', missing: 'affiliations', hint: 'The organizations and clubs you work for.' },
  { key: 'degrees', label: 'Degrees', missing: 'degrees', hint: 'Education and certifications.' },
  { key: 'hobbies', label: 'Hobbies', missing: 'hobbies', hint: 'Interests people can start a conversation with.' },
] as const;
export type LinkedinItemKey = (typeof LINKEDIN_ITEMS)[number]['key'];
