import type { z } from 'zod';
import { CHANNELS, type ChannelKey } from '@/lib/payoff/channels';
import { contactSchema, type ContactInput } from '@/lib/schemas/contact';
import { CHANNEL_FIELDS, effortSchema, ORG_KINDS, SIMILARITIES, STRETCH_STATUSES, type EffortInput } from '@/lib/schemas/effort';
import { KIND_LABELS, opportunitySchema, STAGE_LABELS, STAGES, OPPORTUNITY_KINDS, type OpportunityInput } from '@/lib/schemas/opportunity';
import { unguardCell } from './csv';
import { boolCell, dateCell, numberCell } from './values';

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

const CHANNEL_HINT = `Channel: use one of ${CHANNELS.map((c) => c.key).join(', ')} (or the channel's full name)`;

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
const REQUIRED: Record<ImportEntity, string[]> = {
  contacts: ['name'],
  efforts: ['channel', 'title', 'date'],
  opportunities: ['title', 'kind', 'openedOn'],
};

/** A column → field mapping: one entry per column, null for "do not import". */
export type Mapping = (string | null)[];

/** The mapping a person would most likely choose, from the header names. Each field is used once. */
export function guessMapping(entity: ImportEntity, headers: readonly string[]): Mapping {
  const fields = IMPORT_FIELDS[entity];
  const used = new Set<string>();
  const pick = (h: string, match: (f: ImportField, n: string) => boolean) => {
    const n = normaliseHeader(h);
    if (!n) return null;
    const field = fields.find((f) => !used.has(f.key) && match(f, n));
    if (!field) return null;
    used.add(field.key);
    return field.key;
  };
  // Exact field names and labels first, so "Title" is the title even when "Job title" also appears.
  const exact = headers.map((h) =>
    pick(h, (f, n) => normaliseHeader(f.key) === n || normaliseHeader(f.label) === n),
  );
  return headers.map((h, i) => exact[i] ?? pick(h, (f, n) => f.aliases.includes(n)));
}

/** Problems with a mapping itself (a field used twice, a required field missing); empty when usable. */
export function checkMapping(entity: ImportEntity, mapping: Mapping): string[] {
  const fields = IMPORT_FIELDS[entity];
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const key of mapping) {
    if (!key) continue;
    if (!fields.some((f) => f.key === key)) {
      problems.push('One of the columns is mapped to a field that does not exist. Choose again.');
      continue;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of counts) {
    if (n > 1) problems.push(`${labelOf(entity, key)} is chosen for ${n} columns; choose it for one only.`);
  }
  for (const key of REQUIRED[entity]) {
    if (counts.has(key)) continue;
    if (entity === 'contacts' && key === 'name' && (counts.has('firstName') || counts.has('lastName'))) continue;
    problems.push(`Choose the column that holds ${labelOf(entity, key).toLowerCase()}.`);
  }
  return problems;
}

function labelOf(entity: ImportEntity, key: string): string {
  return IMPORT_FIELDS[entity].find((f) => f.key === key)?.label ?? key;
}

/** An enum cell as its stored value when a spelling matches; otherwise as typed (validation then says why). */
function enumCell(field: ImportField, raw: string): string {
  const n = normaliseHeader(raw);
  if (!n) return '';
  for (const [value, spellings] of Object.entries(field.values ?? {})) {
    if (normaliseHeader(value) === n || spellings.some((s) => normaliseHeader(s) === n)) return value;
  }
  return raw.trim();
}

function cellValue(field: ImportField, cell: string): string | boolean {
  const raw = unguardCell(cell);
  switch (field.kind) {
    case 'date':
      return dateCell(raw);
    case 'number':
      return numberCell(raw);
    case 'bool':
      return boolCell(raw);
    case 'tags':
      return raw.replace(/;/g, ',');
    case 'enum':
      return enumCell(field, raw);
    default:
      return raw.replace(/\r\n?/g, '\n').trim();
  }
}

/** The mapped cells of one row as field → value. */
function mappedValues(entity: ImportEntity, mapping: Mapping, row: readonly string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  mapping.forEach((key, i) => {
    if (!key) return;
    const field = IMPORT_FIELDS[entity].find((f) => f.key === key);
    if (field) out[key] = cellValue(field, row[i] ?? '');
  });
  return out;
}

export type ImportRecord =
  | { entity: 'contacts'; input: ContactInput }
  | { entity: 'efforts'; input: EffortInput }
  | { entity: 'opportunities'; input: OpportunityInput; contact: string };

export type RowCheck = { ok: true; record: ImportRecord } | { ok: false; errors: string[] };

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : '');

function issuesOf(entity: ImportEntity, error: z.ZodError): string[] {
  const out: string[] = [];
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    const label = key ? labelOf(entity, key) : '';
    // A wrong channel says what the column may hold, in the words people write.
    const message =
      key === 'channel'
        ? CHANNEL_HINT
        : label && !issue.message.toLowerCase().includes(label.toLowerCase())
          ? `${label}: ${issue.message}`
          : issue.message;
    if (!out.includes(message)) out.push(message);
  }
  return out;
}

/** Checks one data row against the entity's own schema, exactly as a form would. */
export function checkRow(entity: ImportEntity, mapping: Mapping, row: readonly string[]): RowCheck {
  const v = mappedValues(entity, mapping, row);
  if (entity === 'contacts') {
    const name = text(v.name) || `${text(v.firstName)} ${text(v.lastName)}`.trim();
    const raw = {
      name,
      email: text(v.email),
      phone: text(v.phone),
      company: text(v.company),
      role: text(v.role),
      linkedinUrl: text(v.linkedinUrl),
      tags: text(v.tags),
      notes: text(v.notes),
      metThroughEffortId: '',
      channel: text(v.channel),
      metOn: text(v.metOn),
      cadenceDays: text(v.cadenceDays),
      nextFollowUpOn: text(v.nextFollowUpOn),
    };
    const r = contactSchema.safeParse(raw);
    return r.success ? { ok: true, record: { entity, input: r.data } } : { ok: false, errors: issuesOf(entity, r.error) };
  }
  if (entity === 'efforts') {
    const channel = text(v.channel) as ChannelKey;
    const raw: Record<string, unknown> = {
      channel,
      title: text(v.title),
      date: text(v.date),
      hours: text(v.hours),
      moneySpent: text(v.moneySpent),
      notes: text(v.notes),
      contactIds: [],
    };
    for (const spec of CHANNEL_FIELDS[channel] ?? []) {
      raw[spec.name] = v[spec.name] ?? (spec.kind === 'bool' ? false : '');
    }
    const r = effortSchema.safeParse(raw);
    return r.success ? { ok: true, record: { entity, input: r.data } } : { ok: false, errors: issuesOf(entity, r.error) };
  }
  const raw = {
    title: text(v.title),
    kind: text(v.kind),
    stage: text(v.stage) || 'lead',
    contactId: '',
    effortId: '',
    expectedValue: text(v.expectedValue),
    wonValue: text(v.wonValue),
    openedOn: text(v.openedOn),
    closedOn: text(v.closedOn),
    notes: text(v.notes),
  };
  const r = opportunitySchema.safeParse(raw);
  const contact = text(v.contact).slice(0, 254);
  return r.success ? { ok: true, record: { entity, input: r.data, contact } } : { ok: false, errors: issuesOf(entity, r.error) };
}

/** Reads a mapping sent as "field,,field" (one entry per column); unknown keys become null. */
export function parseMapping(entity: ImportEntity, value: string | null, columns: number): Mapping | null {
  if (value === null) return null;
  const keys = new Set(IMPORT_FIELDS[entity].map((f) => f.key));
  const parts = value.split(',').slice(0, columns);
  while (parts.length < columns) parts.push('');
  return parts.map((p) => (keys.has(p) ? p : null));
}
