// The fields a CSV column can be mapped to, zod-free: the import page's mapping form loads this,
// and the row checks in mapping.ts (with their schemas) stay on the server.
import { CHANNELS } from '@/lib/payoff/channels';
import { CHANNEL_FIELDS, ORG_KINDS, SIMILARITIES, STRETCH_STATUSES } from '@/lib/schemas/effort-options';
import { KIND_LABELS, OPPORTUNITY_KINDS, STAGE_LABELS, STAGES } from '@/lib/schemas/opportunity-options';

export const IMPORT_ENTITIES = ['contacts', 'efforts', 'opportunities'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  contacts: 'Contacts',
  efforts: 'Efforts',
  opportunities: 'Opportunities',
};

type Kind = 'text' | 'date' | 'number' | 'bool' | 'tags' | 'enum';

/** A field a CSV column can be mapped to. */
export interface ImportField {
  key: string;
  label: string;
  kind: Kind;
  /** Header spellings that map to this field, compared without case, spaces or punctuation. */
  aliases: string[];
  /** Spellings of each allowed value (the value itself and its label are always accepted). */
  values?: Record<string, string[]>;
}

/** Lower case, letters and digits only: "E-mail Address" → "emailaddress". */
export const normaliseHeader = (h: string) =>
  h
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const channelValues: Record<string, string[]> = Object.fromEntries(
  CHANNELS.map((c) => [c.key, [c.name]]),
) as Record<string, string[]>;
Object.assign(channelValues, {
  events: [...channelValues.events, 'event', 'events', 'networking event', 'networking events', 'happy hour', 'happy hours', 'networking'],
  organizations: [
    ...channelValues.organizations,
    'organization',
    'organizations',
    'organisation',
    'organisations',
    'club',
    'clubs',
    'professional organization',
    'professional organizations',
    'professional organisation',
    'professional organisations',
  ],
  volunteering: [...channelValues.volunteering, 'volunteer', 'favor', 'favour', 'favors'],
  stretch: [...channelValues.stretch, 'stretch project', 'stretch projects', 'stretch'],
  interviews: [...channelValues.interviews, 'interview', 'interviews', 'informational interview', 'informational interviews'],
});

export const CHANNEL_HINT = `Channel: use one of ${CHANNELS.map((c) => c.key).join(', ')} (or the channel's full name)`;

const labelled = (list: readonly { value: string; label: string }[]) =>
  Object.fromEntries(list.map((o) => [o.value, [o.label]])) as Record<string, string[]>;

const CONTACT_FIELDS: ImportField[] = [
  { key: 'name', label: 'Name', kind: 'text', aliases: ['name', 'fullname', 'contact', 'contactname', 'displayname', 'person'] },
  { key: 'firstName', label: 'First name', kind: 'text', aliases: ['firstname', 'givenname', 'first'] },
  { key: 'lastName', label: 'Last name', kind: 'text', aliases: ['lastname', 'surname', 'familyname', 'last'] },
  { key: 'email', label: 'Email', kind: 'text', aliases: ['email', 'emailaddress', 'mail', 'primaryemail', 'email1value'] },
  { key: 'phone', label: 'Phone', kind: 'text', aliases: ['phone', 'phonenumber', 'mobile', 'tel', 'telephone', 'cell', 'phone1value'] },
  { key: 'company', label: 'Company', kind: 'text', aliases: ['company', 'companyname', 'organization', 'organisation', 'employer', 'org'] },
  { key: 'role', label: 'Role', kind: 'text', aliases: ['role', 'position', 'jobtitle', 'title', 'job'] },
  { key: 'linkedinUrl', label: 'LinkedIn URL', kind: 'text', aliases: ['linkedinurl', 'linkedin', 'url', 'profileurl', 'linkedinprofile'] },
  { key: 'tags', label: 'Tags', kind: 'tags', aliases: ['tags', 'tag', 'labels', 'groups'] },
  { key: 'notes', label: 'Notes', kind: 'text', aliases: ['notes', 'note', 'comments', 'description'] },
  { key: 'channel', label: 'Channel', kind: 'enum', aliases: ['channel', 'source', 'metthrough'], values: channelValues },
  { key: 'metOn', label: 'Met on', kind: 'date', aliases: ['meton', 'met', 'datemet', 'connectedon', 'date', 'firstmet'] },
  { key: 'cadenceDays', label: 'Keep-in-touch cadence (days)', kind: 'number', aliases: ['cadence', 'cadencedays', 'keepintouch', 'keepintouchdays', 'keepintouchcadencedays'] },
  { key: 'nextFollowUpOn', label: 'Next follow-up', kind: 'date', aliases: ['nextfollowup', 'nextfollowupon', 'followup', 'followupon', 'followupdate'] },
];

const EFFORT_COMMON: ImportField[] = [
  { key: 'channel', label: 'Channel', kind: 'enum', aliases: ['channel', 'type', 'category'], values: channelValues },
  { key: 'title', label: 'Title', kind: 'text', aliases: ['title', 'name', 'effort', 'activity', 'what'] },
  { key: 'date', label: 'Date', kind: 'date', aliases: ['date', 'day', 'when', 'on'] },
  { key: 'hours', label: 'Hours', kind: 'number', aliases: ['hours', 'hrs', 'time', 'duration'] },
  { key: 'moneySpent', label: 'Money spent', kind: 'number', aliases: ['moneyspent', 'money', 'cost', 'spent', 'expense', 'expenses', 'price'] },
  { key: 'notes', label: 'Notes', kind: 'text', aliases: ['notes', 'note', 'description', 'comments'] },
];

const ENUM_VALUES: Record<string, Record<string, string[]>> = {
  orgKind: labelled(ORG_KINDS),
  status: labelled(STRETCH_STATUSES),
  similarity: labelled(SIMILARITIES),
};

/** Every channel's own fields, once each, in channel order. */
function effortChannelFields(): ImportField[] {
  const seen = new Set(EFFORT_COMMON.map((f) => f.key));
  const out: ImportField[] = [];
  for (const specs of Object.values(CHANNEL_FIELDS)) {
    for (const spec of specs) {
      if (seen.has(spec.name)) continue;
      seen.add(spec.name);
      const kind: Kind =
        spec.kind === 'int' || spec.kind === 'money' ? 'number' : spec.kind === 'longText' ? 'text' : (spec.kind as Kind);
      out.push({
        key: spec.name,
        label: spec.label,
        kind,
        aliases: [normaliseHeader(spec.name), normaliseHeader(spec.label)],
        values: ENUM_VALUES[spec.name],
      });
    }
  }
  return out;
}

const OPPORTUNITY_FIELDS: ImportField[] = [
  { key: 'title', label: 'Title', kind: 'text', aliases: ['title', 'name', 'opportunity'] },
  {
    key: 'kind',
    label: 'Kind',
    kind: 'enum',
    aliases: ['kind', 'type'],
    values: Object.fromEntries(OPPORTUNITY_KINDS.map((k) => [k, [KIND_LABELS[k]]])),
  },
  {
    key: 'stage',
    label: 'Stage',
    kind: 'enum',
    aliases: ['stage', 'status'],
    values: { ...Object.fromEntries(STAGES.map((s) => [s, [STAGE_LABELS[s]]])), proposal: ['Proposal / interview', 'interview'] },
  },
  { key: 'contact', label: 'Contact (name or email)', kind: 'text', aliases: ['contact', 'contactname', 'broughtby', 'who', 'contactnameoremail'] },
  { key: 'expectedValue', label: 'Expected value', kind: 'number', aliases: ['expectedvalue', 'expected', 'value', 'estimatedvalue', 'amount'] },
  { key: 'wonValue', label: 'Won value', kind: 'number', aliases: ['wonvalue', 'won', 'revenue'] },
  { key: 'openedOn', label: 'Opened on', kind: 'date', aliases: ['openedon', 'opened', 'date', 'created', 'start', 'startdate'] },
  { key: 'closedOn', label: 'Closed on', kind: 'date', aliases: ['closedon', 'closed', 'closedate', 'end', 'enddate'] },
  { key: 'notes', label: 'Notes', kind: 'text', aliases: ['notes', 'note', 'description', 'comments'] },
];

export const IMPORT_FIELDS: Record<ImportEntity, readonly ImportField[]> = {
  contacts: CONTACT_FIELDS,
  efforts: [...EFFORT_COMMON, ...effortChannelFields()],
  opportunities: OPPORTUNITY_FIELDS,
};

/** Fields that must be mapped before anything can be imported (name may come from first + last name). */
export const REQUIRED: Record<ImportEntity, string[]> = {
  contacts: ['name'],
  efforts: ['channel', 'title', 'date'],
  opportunities: ['title', 'kind', 'openedOn'],
};

/** A column → field mapping: one entry per column, null for "do not import". */
export type Mapping = (string | null)[];

