import { describe, expect, it } from 'vitest';
import { moveStageSchema, opportunityListQuery, opportunitySchema, opportunityUpdateSchema } from './opportunity';

const valid = {
  title: 'Website for The Anchor',
  kind: 'client',
  contactId: '',
  effortId: '',
  stage: 'lead',
  expectedValue: '2500',
  wonValue: '',
  openedOn: '2026-03-01',
  closedOn: '',
  notes: '',
};

function errorsOf(input: unknown, schema: typeof opportunitySchema | typeof opportunityUpdateSchema = opportunitySchema) {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('opportunity schema', () => {
  it('coerces form text: amounts to numbers, empty ids and dates to null', () => {
    const out = opportunitySchema.parse(valid);
    expect(out).toMatchObject({ expectedValue: 2500, wonValue: 0, contactId: null, effortId: null, closedOn: null });
  });

  it('requires a title of at most 200 characters and a kind from the list', () => {
    expect(errorsOf({ ...valid, title: '  ' }).title).toBe('Title is required');
    expect(errorsOf({ ...valid, title: 'x'.repeat(201) }).title).toMatch(/at most 200/);
    expect(errorsOf({ ...valid, kind: 'lottery' }).kind).toBe('Choose a kind from the list');
    expect(errorsOf({ ...valid, stage: 'negotiation' }).stage).toBe('Choose a stage from the list');
  });

  it('limits values to 0–10,000,000', () => {
    expect(errorsOf({ ...valid, expectedValue: '-5' }).expectedValue).toBe('Expected value cannot be negative');
    expect(errorsOf({ ...valid, expectedValue: '10000001' }).expectedValue).toMatch(/at most 10,000,000/);
    expect(errorsOf({ ...valid, expectedValue: 'lots' }).expectedValue).toBe('Expected value must be a number');
    expect(errorsOf({ ...valid, stage: 'won', closedOn: '2026-03-02', wonValue: '10000001' }).wonValue).toMatch(/at most/);
    expect(errorsOf({ ...valid, expectedValue: '10000000' }).expectedValue).toBeUndefined();
  });

  it('requires a real opened-on date between 1970 and 2100', () => {
    expect(errorsOf({ ...valid, openedOn: '' }).openedOn).toBe('Opened on is required');
    expect(errorsOf({ ...valid, openedOn: '2026-02-30' }).openedOn).toBe('Opened on must be a real date');
    expect(errorsOf({ ...valid, openedOn: '03/01/2026' }).openedOn).toMatch(/must be a date/);
    expect(errorsOf({ ...valid, openedOn: '1969-12-31' }).openedOn).toMatch(/between 1970 and 2100/);
    expect(errorsOf({ ...valid, openedOn: '2101-01-01' }).openedOn).toMatch(/between 1970 and 2100/);
  });

  it('requires a closed date on or after the opened date once won or lost', () => {
    expect(errorsOf({ ...valid, stage: 'won' }).closedOn).toBe('Enter the date it was won or lost');
    expect(errorsOf({ ...valid, stage: 'lost' }).closedOn).toBe('Enter the date it was won or lost');
    expect(errorsOf({ ...valid, stage: 'lost', closedOn: '2026-02-28' }).closedOn).toBe('Closed on cannot be before opened on');
    expect(errorsOf({ ...valid, stage: 'lost', closedOn: '2026-03-01' }).closedOn).toBeUndefined();
  });

  it('keeps a won value only when won and clears the closed date when open', () => {
    const won = opportunitySchema.parse({ ...valid, stage: 'won', wonValue: '3000', closedOn: '2026-04-01' });
    expect(won).toMatchObject({ wonValue: 3000, closedOn: '2026-04-01' });
    const lost = opportunitySchema.parse({ ...valid, stage: 'lost', wonValue: '3000', closedOn: '2026-04-01' });
    expect(lost.wonValue).toBe(0);
    const reopened = opportunitySchema.parse({ ...valid, stage: 'talking', wonValue: '3000', closedOn: '2026-04-01' });
    expect(reopened).toMatchObject({ wonValue: 0, closedOn: null });
  });

  it('refuses ids that are not ids', () => {
    expect(errorsOf({ ...valid, contactId: 'robert' }).contactId).toBe('Contact is not one of the choices');
    expect(errorsOf({ ...valid, effortId: '1' }).effortId).toBe('Effort is not one of the choices');
  });

  it('needs the id and the version loaded for an update', () => {
    expect(errorsOf(valid, opportunityUpdateSchema).id).toBeDefined();
    const ok = opportunityUpdateSchema.parse({ ...valid, id: '5a0c3f0e-1b1a-4c53-9a57-2f4f3b7d9e10', version: '3' });
    expect(ok.version).toBe(3);
    expect(moveStageSchema.safeParse({ id: ok.id, stage: 'won', version: 0 }).success).toBe(false);
  });

  it('falls back to defaults for unexpected list query values', () => {
    const q = opportunityListQuery.parse({ stage: 'nope', q: 'x'.repeat(101), before: 'junk', view: 'grid' });
    expect(q).toEqual({ stage: undefined, q: undefined, before: undefined, view: undefined });
    const good = opportunityListQuery.parse({ stage: 'won', before: '2026-03-01_5a0c3f0e-1b1a-4c53-9a57-2f4f3b7d9e10' });
    expect(good.stage).toBe('won');
    expect(good.before).toMatch(/^2026-03-01_/);
  });
});
