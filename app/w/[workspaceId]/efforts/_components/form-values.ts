import type { EffortDetail, FieldValue } from '@/lib/data/efforts';
import type { ChannelKey } from '@/lib/payoff/channels';
import { CHANNEL_FIELDS } from '@/lib/schemas/effort';

/** Every field the effort form can show, as the form holds them (text, booleans, id lists). */
export type EffortFormValues = Record<string, string | boolean | string[]>;

const allSpecs = Object.values(CHANNEL_FIELDS).flat();

/** Blank form values, optionally with a channel chosen. */
export function emptyEffortValues(date: string, channel: ChannelKey | '' = ''): EffortFormValues {
  const values: EffortFormValues = { channel, title: '', date, hours: '', moneySpent: '', notes: '', contactIds: [] };
  for (const spec of allSpecs) values[spec.name] = spec.kind === 'bool' ? false : '';
  // A sensible default most stretch projects start in.
  values.status = 'active';
  return values;
}

function asText(value: FieldValue): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The edit form's values for a stored effort. */
export function effortToValues(effort: EffortDetail, { hoursLocked }: { hoursLocked: boolean }): EffortFormValues {
  const values = emptyEffortValues(effort.date, effort.channel);
  values.title = effort.title;
  values.hours = hoursLocked || effort.hours === 0 ? '' : String(effort.hours);
  values.moneySpent = effort.moneySpent ? String(effort.moneySpent) : '';
  values.notes = effort.notes;
  values.contactIds = effort.contacts.map((c) => c.id);
  for (const spec of CHANNEL_FIELDS[effort.channel]) {
    const v = effort.fields[spec.name];
    values[spec.name] = spec.kind === 'bool' ? v === true : asText(v);
  }
  return values;
}
