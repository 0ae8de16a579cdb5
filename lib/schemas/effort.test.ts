import { describe, expect, it } from 'vitest';
import {
  addTimeEntrySchema,
  effortFiltersSchema,
  effortSchema,
  parseCursor,
  timeEntrySchema,
  updateEffortSchema,
} from './effort';
import { linkedinChecklistSchema } from './linkedin-checklist';

const base = { title: 'Spring mixer', date: '2026-03-12', hours: '3', moneySpent: '25', notes: '', contactIds: [] };
const ID = '3f2b8c1e-8a4d-4c2e-9b7a-1d2e3f4a5b6c';

function errorsOf(input: unknown, schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } = effortSchema) {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('effort schema: common fields', () => {
  const other = { ...base, channel: 'other', otherLabel: 'Conference talk' };

  it('coerces numbers from text and keeps empty money as null', () => {
    const parsed = effortSchema.parse({ ...other, moneySpent: '', hours: '' });
    expect(parsed).toMatchObject({ hours: null, moneySpent: null, contactIds: [] });
    expect(effortSchema.parse(other)).toMatchObject({ hours: 3, moneySpent: 25 });
  });

  it('requires a channel from the list', () => {
    expect(errorsOf({ ...base, channel: 'parties' }).channel).toBe('Choose a channel');
    expect(errorsOf({ ...base }).channel).toBe('Choose a channel');
  });

  it('limits title, notes, hours and money', () => {
    expect(errorsOf({ ...other, title: '' }).title).toBe('Title is required');
    expect(errorsOf({ ...other, title: 'x'.repeat(121) }).title).toMatch(/at most 120/);
    expect(errorsOf({ ...other, notes: 'x'.repeat(5001) }).notes).toMatch(/at most 5000/);
    expect(errorsOf({ ...other, hours: '24' }).hours).toBeUndefined();
    expect(errorsOf({ ...other, hours: '24.5' }).hours).toMatch(/at most 24/);
    expect(errorsOf({ ...other, hours: '-1' }).hours).toBe('Hours cannot be negative');
    expect(errorsOf({ ...other, hours: '1.234' }).hours).toMatch(/2 decimals/);
    expect(errorsOf({ ...other, moneySpent: '10000001' }).moneySpent).toMatch(/at most 10,000,000/);
    expect(errorsOf({ ...other, moneySpent: '-5' }).moneySpent).toBe('Money spent cannot be negative');
  });

  it('takes real dates between 1970 and 2100 only', () => {
    expect(errorsOf({ ...other, date: '' }).date).toBe('Date is required');
    expect(errorsOf({ ...other, date: '2026-02-30' }).date).toMatch(/real date/);
    expect(errorsOf({ ...other, date: '12/03/2026' }).date).toMatch(/must be a date like/);
    expect(errorsOf({ ...other, date: '1969-12-31' }).date).toMatch(/between 1970 and 2100/);
    expect(errorsOf({ ...other, date: '2101-01-01' }).date).toMatch(/between 1970 and 2100/);
    expect(errorsOf({ ...other, date: '2100-12-31' }).date).toBeUndefined();
  });

  it('takes one or many contact ids, drops duplicates and refuses non-ids and more than 100', () => {
    expect(effortSchema.parse({ ...other, contactIds: ID }).contactIds).toEqual([ID]);
    expect(effortSchema.parse({ ...other, contactIds: [ID, ID] }).contactIds).toEqual([ID]);
    expect(effortSchema.parse({ ...other, contactIds: false }).contactIds).toEqual([]);
    expect(errorsOf({ ...other, contactIds: ['1 or 1=1'] })['contactIds.0']).toBe('Not a valid contact');
    const many = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(errorsOf({ ...other, contactIds: many }).contactIds).toMatch(/at most 100/);
  });

  it('requires a label for other efforts', () => {
    expect(errorsOf({ ...other, otherLabel: '' }).otherLabel).toBe('What kind of effort is required');
    expect(errorsOf({ ...other, otherLabel: 'x'.repeat(61) }).otherLabel).toMatch(/at most 60/);
  });

  it('drops fields that belong to another channel', () => {
    const parsed = effortSchema.parse({ ...other, drinks: '5', similarity: 'unrelated' }) as Record<string, unknown>;
    expect(parsed.drinks).toBeUndefined();
    expect(parsed.similarity).toBeUndefined();
  });
});

describe('effort schema: channel fields', () => {
  it('events: counts are whole numbers from 0 to 1,000', () => {
    const ev = { ...base, channel: 'events', venue: 'The Anchor', drinks: '3', pitches: '4' };
    expect(effortSchema.parse(ev)).toMatchObject({ drinks: 3, pitches: 4, advances: null, venue: 'The Anchor' });
    for (const field of ['drinks', 'conversations', 'pitches', 'advances', 'jobSeekerAsks', 'usefulContacts']) {
      expect(errorsOf({ ...ev, [field]: '1001' })[field]).toMatch(/at most 1,000/);
      expect(errorsOf({ ...ev, [field]: '-1' })[field]).toMatch(/cannot be negative/);
      expect(errorsOf({ ...ev, [field]: '1.5' })[field]).toMatch(/whole number/);
      expect(errorsOf({ ...ev, [field]: '1000' })[field]).toBeUndefined();
    }
    expect(errorsOf({ ...ev, venue: 'x'.repeat(201) }).venue).toMatch(/at most 200/);
  });

  it('organizations: kind from the list, dates in order, dues limited', () => {
    const org = { ...base, channel: 'organizations', orgKind: 'non_profit', cause: 'Literacy', contribution: 'Keeps the books' };
    expect(effortSchema.parse(org)).toMatchObject({ orgKind: 'non_profit', joinedOn: null, leftOn: null, yearlyDues: null });
    expect(errorsOf({ ...org, orgKind: 'cult' }).orgKind).toBe('Choose the kind of organization');
    expect(errorsOf({ ...org, joinedOn: '2026-03-01', leftOn: '2026-02-01' }).leftOn).toBe('Left on cannot be before joined on');
    expect(errorsOf({ ...org, joinedOn: '2026-03-01', leftOn: '2026-03-01' }).leftOn).toBeUndefined();
    expect(errorsOf({ ...org, joinedOn: '2026-13-01' }).joinedOn).toMatch(/real date/);
    expect(errorsOf({ ...org, yearlyDues: '10000001' }).yearlyDues).toMatch(/at most 10,000,000/);
    expect(errorsOf({ ...org, cause: 'x'.repeat(201) }).cause).toMatch(/at most 200/);
    expect(errorsOf({ ...org, contribution: 'x'.repeat(1001) }).contribution).toMatch(/at most 1000/);
  });

  it('volunteering: text limits', () => {
    const vol = { ...base, channel: 'volunteering', helped: 'Café owner', whatWasDone: 'WordPress site', skillUsed: 'Web' };
    expect(effortSchema.parse(vol)).toMatchObject({ helped: 'Café owner' });
    expect(errorsOf({ ...vol, helped: 'x'.repeat(201) }).helped).toMatch(/at most 200/);
    expect(errorsOf({ ...vol, whatWasDone: 'x'.repeat(1001) }).whatWasDone).toMatch(/at most 1000/);
    expect(errorsOf({ ...vol, skillUsed: 'x'.repeat(201) }).skillUsed).toMatch(/at most 200/);
  });

  it('stretch: similarity and status required from their lists, paid amount limited', () => {
    const st = { ...base, channel: 'stretch', field: 'Copy', client: 'Shop', status: 'active', similarity: 'unrelated', similarityReason: '', paidAmount: '400' };
    expect(effortSchema.parse(st)).toMatchObject({ similarity: 'unrelated', status: 'active', paidAmount: 400 });
    expect(errorsOf({ ...st, similarity: '' }).similarity).toBe('Choose how close this project is to your niche');
    expect(errorsOf({ ...st, status: 'paused' }).status).toBe('Choose a status');
    expect(errorsOf({ ...st, paidAmount: '10000001' }).paidAmount).toMatch(/at most 10,000,000/);
    expect(errorsOf({ ...st, similarityReason: 'x'.repeat(1001) }).similarityReason).toMatch(/at most 1000/);
  });

  it('interviews: thank-you is a checkbox and the follow-up an optional date', () => {
    const iv = { ...base, channel: 'interviews', person: 'Dana', company: 'Acme', personRole: 'CTO', questions: '', learned: '' };
    expect(effortSchema.parse({ ...iv, thankYouSent: 'on' })).toMatchObject({ thankYouSent: true, followUpOn: null });
    expect(effortSchema.parse({ ...iv, thankYouSent: false })).toMatchObject({ thankYouSent: false });
    expect(effortSchema.parse({ ...iv, thankYouSent: 'false' })).toMatchObject({ thankYouSent: false });
    expect(errorsOf({ ...iv, followUpOn: '2026-02-29' }).followUpOn).toMatch(/real date/);
    expect(errorsOf({ ...iv, person: 'x'.repeat(121) }).person).toMatch(/at most 120/);
    expect(errorsOf({ ...iv, questions: 'x'.repeat(2001) }).questions).toMatch(/at most 2000/);
  });

  it('linkedin: counts are whole numbers up to 1,000', () => {
    const li = { ...base, channel: 'linkedin', messages: '12', posts: '', meetings: '2', connections: '30' };
    expect(effortSchema.parse(li)).toMatchObject({ messages: 12, posts: null, meetings: 2, connections: 30 });
    for (const field of ['messages', 'posts', 'meetings', 'connections']) {
      expect(errorsOf({ ...li, [field]: '1001' })[field]).toMatch(/at most 1,000/);
      expect(errorsOf({ ...li, [field]: 'many' })[field]).toMatch(/must be a whole number/);
    }
  });
});

describe('update, time entry and filter schemas', () => {
  it('needs the id and the loaded version to update', () => {
    const input = { ...base, channel: 'other', otherLabel: 'x' };
    expect(errorsOf({ ...input, id: ID }, updateEffortSchema).version).toBeDefined();
    expect(updateEffortSchema.parse({ ...input, id: ID, version: '3' })).toMatchObject({ version: 3, id: ID });
  });

  it('limits an entry to more than 0 and at most 24 hours', () => {
    const entry = { date: '2026-03-01', hours: '2.5', note: 'Board meeting' };
    expect(timeEntrySchema.parse(entry)).toEqual({ date: '2026-03-01', hours: 2.5, note: 'Board meeting' });
    expect(errorsOf({ ...entry, hours: '0' }, timeEntrySchema).hours).toBe('Hours must be more than 0');
    expect(errorsOf({ ...entry, hours: '24.01' }, timeEntrySchema).hours).toMatch(/at most 24/);
    expect(errorsOf({ ...entry, note: 'x'.repeat(201) }, timeEntrySchema).note).toMatch(/at most 200/);
    expect(errorsOf({ ...entry, effortId: 'nope' }, addTimeEntrySchema).effortId).toBe('Not a valid id');
  });

  it('falls back to defaults for bad filter values', () => {
    expect(effortFiltersSchema.parse({ channel: 'events', from: '2026-01-01', to: 'junk', q: ' bar ', before: 'x' })).toEqual({
      channel: 'events',
      from: '2026-01-01',
      to: undefined,
      q: 'bar',
      before: undefined,
      after: undefined,
    });
    expect(effortFiltersSchema.parse({ channel: ['nope', 'events'], q: 'x'.repeat(101) })).toMatchObject({ channel: undefined, q: undefined });
    expect(parseCursor(`2026-03-01_${ID}`)).toEqual({ date: '2026-03-01', id: ID });
    expect(parseCursor(`2026-02-31_${ID}`)).toBeNull();
  });

  it('reads the LinkedIn checklist checkboxes', () => {
    expect(linkedinChecklistSchema.parse({ summary: true, workHistory: 'on', affiliations: false, degrees: undefined, hobbies: 'yes' })).toEqual({
      summary: true,
      workHistory: true,
      affiliations: false,
      degrees: false,
      hobbies: false,
    });
  });
});
