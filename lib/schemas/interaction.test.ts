import { describe, expect, it } from 'vitest';
import { interactionSchema, updateInteractionSchema } from './interaction';

const contactId = '5f0c1a52-7c1e-4c8e-9d6c-0d0f4b1f7a10';
const valid = { contactId, date: '2026-04-02', kind: 'call', direction: 'inbound', notes: 'Asked about my rates.' };

function errorsOf(input: unknown) {
  const r = interactionSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('interaction schema', () => {
  it('accepts a complete interaction', () => {
    expect(interactionSchema.parse(valid)).toEqual(valid);
  });

  it('requires a real date in range', () => {
    expect(errorsOf({ ...valid, date: '' }).date).toBe('Date is required');
    expect(errorsOf({ ...valid, date: '2026-13-01' }).date).toBe('Date must be a real date');
    expect(errorsOf({ ...valid, date: '1900-01-01' }).date).toMatch(/between 1970 and 2100/);
  });

  it('takes only the listed kinds and directions', () => {
    expect(errorsOf({ ...valid, kind: 'lunch' }).kind).toBe('Choose a kind from the list');
    expect(errorsOf({ ...valid, direction: 'sideways' }).direction).toBe('Choose who reached out');
    for (const kind of ['email', 'call', 'meeting', 'message', 'favor', 'pitch']) expect(errorsOf({ ...valid, kind }).kind).toBeUndefined();
  });

  it('limits notes to 2000 characters', () => {
    expect(errorsOf({ ...valid, notes: 'x'.repeat(2001) }).notes).toMatch(/at most 2000/);
    expect(errorsOf({ ...valid, notes: 'line one\nline two' }).notes).toBeUndefined();
  });

  it('needs a valid contact id, and an interaction id to update', () => {
    expect(errorsOf({ ...valid, contactId: "1' or '1'='1" }).contactId).toBe('Not a valid id');
    expect(updateInteractionSchema.safeParse({ ...valid, id: 'nope' }).success).toBe(false);
  });
});
