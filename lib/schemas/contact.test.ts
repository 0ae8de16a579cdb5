import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, today } from '@/lib/dates';
import { interactionSchema } from './interaction';
import { isoDate } from './common';
import { contactListQuerySchema, contactSchema, isLinkedinUrl, updateContactSchema } from './contact';

const valid = {
  name: 'Dana Reyes',
  email: 'Dana@Example.com',
  phone: '+1 (555) 010-2030',
  company: 'Acme Bio',
  role: 'Marketing lead',
  linkedinUrl: 'https://www.linkedin.com/in/dana-reyes',
  tags: 'biotech, Writer',
  notes: 'Met at the book club.',
  metThroughEffortId: '',
  channel: 'organizations',
  metOn: '2026-03-12',
  cadenceDays: '30',
  nextFollowUpOn: '',
};

function errorsOf(input: unknown, schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } = contactSchema) {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('contact schema', () => {
  it('parses form text into typed values', () => {
    const parsed = contactSchema.parse(valid);
    expect(parsed).toMatchObject({
      name: 'Dana Reyes',
      email: 'dana@example.com',
      tags: ['biotech', 'Writer'],
      metThroughEffortId: null,
      channel: 'organizations',
      metOn: '2026-03-12',
      cadenceDays: 30,
      nextFollowUpOn: null,
    });
  });

  it('requires a name and limits its length', () => {
    expect(errorsOf({ ...valid, name: '  ' }).name).toBe('Name is required');
    expect(errorsOf({ ...valid, name: 'x'.repeat(121) }).name).toMatch(/at most 120/);
  });

  it('splits tags on commas, trims them and drops duplicates ignoring case', () => {
    expect(contactSchema.parse({ ...valid, tags: ' a ,B, b,, A ,c  d ' }).tags).toEqual(['a', 'B', 'c d']);
    expect(contactSchema.parse({ ...valid, tags: '' }).tags).toEqual([]);
    expect(contactSchema.parse({ ...valid, tags: ['x', 'X', ' y '] }).tags).toEqual(['x', 'y']);
  });

  it('limits tags to 20 of at most 40 characters each, counting after deduplication', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect(errorsOf({ ...valid, tags: twenty.join(',') }).tags).toBeUndefined();
    expect(errorsOf({ ...valid, tags: [...twenty, 't20'].join(',') }).tags).toBe('Use at most 20 tags');
    expect(errorsOf({ ...valid, tags: [...twenty, 'T0', 't1'].join(',') }).tags).toBeUndefined();
    expect(errorsOf({ ...valid, tags: `ok, ${'x'.repeat(41)}` }).tags).toBe('Each tag must be at most 40 characters');
    expect(errorsOf({ ...valid, tags: `ok, ${'x'.repeat(40)}` }).tags).toBeUndefined();
  });

  it('takes only http(s) LinkedIn addresses', () => {
    for (const ok of ['https://www.linkedin.com/in/dana', 'http://linkedin.com/in/dana', 'https://LinkedIn.com/in/dana?x=1', '']) {
      expect(errorsOf({ ...valid, linkedinUrl: ok }).linkedinUrl).toBeUndefined();
    }
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript://www.linkedin.com/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://evil.example/linkedin.com',
      'https://linkedin.com.evil.example/in/x',
      'https://evil-linkedin.com/in/x',
      'https://uk.linkedin.com.attacker.io',
      'https://user:pw@www.linkedin.com/in/x',
      'ftp://www.linkedin.com/in/x',
      'www.linkedin.com/in/dana',
    ]) {
      expect(errorsOf({ ...valid, linkedinUrl: bad }).linkedinUrl, bad).toMatch(/LinkedIn address/);
    }
    expect(isLinkedinUrl('https://www.linkedin.com/in/a b')).toBe(false);
  });

  it('checks email and phone only when given', () => {
    expect(errorsOf({ ...valid, email: '' }).email).toBeUndefined();
    expect(errorsOf({ ...valid, email: 'not an email' }).email).toBe('Enter a valid email address');
    expect(errorsOf({ ...valid, phone: '' }).phone).toBeUndefined();
    expect(errorsOf({ ...valid, phone: '555 0100 ext 12' }).phone).toBeUndefined();
    expect(errorsOf({ ...valid, phone: 'call me maybe' }).phone).toMatch(/phone number/);
  });

  it('keeps the cadence between 1 and 3650 whole days, or empty', () => {
    expect(contactSchema.parse({ ...valid, cadenceDays: '' }).cadenceDays).toBeNull();
    expect(contactSchema.parse({ ...valid, cadenceDays: '3650' }).cadenceDays).toBe(3650);
    expect(errorsOf({ ...valid, cadenceDays: '0' }).cadenceDays).toMatch(/at least 1/);
    expect(errorsOf({ ...valid, cadenceDays: '3651' }).cadenceDays).toMatch(/at most 3,650/);
    expect(errorsOf({ ...valid, cadenceDays: '7.5' }).cadenceDays).toMatch(/whole number/);
    expect(errorsOf({ ...valid, cadenceDays: 'weekly' }).cadenceDays).toMatch(/whole number/);
  });

  it('takes real dates between 1970 and 2100 only', () => {
    expect(errorsOf({ ...valid, metOn: '2026-02-30' }).metOn).toBe('Met on must be a real date');
    expect(errorsOf({ ...valid, metOn: '12/03/2026' }).metOn).toBe('Met on must be a date like 2026-03-12');
    expect(errorsOf({ ...valid, metOn: '1969-12-31' }).metOn).toMatch(/between 1970 and 2100/);
    expect(errorsOf({ ...valid, nextFollowUpOn: '2101-01-01' }).nextFollowUpOn).toMatch(/between 1970 and 2100/);
    expect(contactSchema.parse({ ...valid, nextFollowUpOn: '2100-12-31' }).nextFollowUpOn).toBe('2100-12-31');
    expect(isoDate('Date').safeParse('').success).toBe(false);
  });

  it('takes a meeting date up to tomorrow, not a mistyped future year', () => {
    const tomorrow = addDays(today(), 1);
    expect(contactSchema.parse({ ...valid, metOn: tomorrow }).metOn).toBe(tomorrow);
    expect(errorsOf({ ...valid, metOn: addDays(today(), 2) }).metOn).toBe("Met on can't be in the future");
    expect(errorsOf({ ...valid, metOn: '2099-01-01' }).metOn).toBe("Met on can't be in the future");
    expect(interactionSchema.safeParse({ contactId: randomUUID(), date: '2099-01-01', kind: 'email', direction: 'inbound', notes: '' }).success).toBe(false);
    expect(interactionSchema.parse({ contactId: randomUUID(), date: today(), kind: 'email', direction: 'inbound', notes: '' }).date).toBe(today());
  });

  it('takes a listed channel, and "unknown" as none', () => {
    expect(contactSchema.parse({ ...valid, channel: 'unknown' }).channel).toBeNull();
    expect(contactSchema.parse({ ...valid, channel: '' }).channel).toBeNull();
    expect(errorsOf({ ...valid, channel: 'parties' }).channel).toBe('Choose a channel from the list');
  });

  it('refuses a meeting effort that is not an id', () => {
    expect(errorsOf({ ...valid, metThroughEffortId: 'abc' }).metThroughEffortId).toBe('Not a valid id');
  });

  it('needs the id and loaded version to update', () => {
    const errors = errorsOf({ ...valid, id: 'x', version: '0' }, updateContactSchema);
    expect(errors.id).toBeDefined();
    expect(errors.version).toBeDefined();
    expect(updateContactSchema.parse({ ...valid, id: '5f0c1a52-7c1e-4c8e-9d6c-0d0f4b1f7a10', version: '3' }).version).toBe(3);
  });
});

describe('contact list query', () => {
  it('falls back to defaults for bad values', () => {
    expect(contactListQuerySchema.parse({ q: ['a', 'b'], tag: 'x'.repeat(99), cold: 'yes' })).toEqual({
      q: '',
      tag: '',
      cold: false,
      after: undefined,
      before: undefined,
    });
    expect(contactListQuerySchema.parse({ q: ' acme ', cold: '1' })).toMatchObject({ q: 'acme', cold: true });
  });
});
