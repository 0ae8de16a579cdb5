import type { z } from 'zod';
import type { ChannelKey } from '@/lib/payoff/channels';
import { CHANNEL_FIELDS } from '@/lib/schemas/effort-options';
import { contactSchema, type ContactInput } from '@/lib/schemas/contact';
import { effortSchema, type EffortInput } from '@/lib/schemas/effort';
import { opportunitySchema, type OpportunityInput } from '@/lib/schemas/opportunity';
import { CHANNEL_HINT, IMPORT_FIELDS, normaliseHeader, REQUIRED, type ImportEntity, type ImportField, type Mapping } from './fields';
import { unguardCell } from './csv';
import { boolCell, dateCell, numberCell } from './values';

export { ENTITY_LABELS, IMPORT_ENTITIES, IMPORT_FIELDS, normaliseHeader, type ImportEntity, type ImportField, type Mapping } from './fields';

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
