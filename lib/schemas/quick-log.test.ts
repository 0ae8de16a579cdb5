import { describe, expect, it } from 'vitest';
import { effortSchema } from './effort';
import { EFFORT_TITLE_MAX } from './limits';
import { quickLogSchema } from './quick-log';

const blankRow = { name: '', company: '', email: '' };
const event = {
  channel: 'events',
  title: "Freelancers' mixer at The Anchor",
  date: '2026-03-12',
  hours: '2.5',
  moneySpent: '24',
  drinks: '3',
  pitches: '2',
  advances: '',
  jobSeekerAsks: '',
  usefulContacts: '1',
  helped: '',
  what: '',
  contacts: [{ name: 'Dana Reyes', company: 'Reyes Design', email: 'Dana@Example.com' }, blankRow, blankRow],
};

function errorsOf(input: unknown) {
  const r = quickLogSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('quick log schema', () => {
  it('keeps filled contact rows only, with the email lower-cased', () => {
    const out = quickLogSchema.parse(event);
    expect(out.contacts).toEqual([{ name: 'Dana Reyes', company: 'Reyes Design', email: 'dana@example.com' }]);
    expect(out).toMatchObject({ hours: 2.5, moneySpent: 24, drinks: 3, pitches: 2, advances: null, usefulContacts: 1 });
  });

  it("puts the error on a row's name when the row has a company but no name", () => {
    const errors = errorsOf({ ...event, contacts: [blankRow, { name: '', company: 'Acme', email: '' }] });
    expect(errors['contacts.1.name']).toBe('Enter a name for this contact, or clear the row');
    expect(errorsOf({ ...event, contacts: [{ name: '', company: '', email: 'a@b.co' }] })['contacts.0.name']).toBeDefined();
  });

  it('takes at most three contacts', () => {
    const row = { name: 'Sam', company: '', email: '' };
    expect(errorsOf({ ...event, contacts: [row, row, row, row] }).contacts).toBe('Add at most three contacts at a time');
    expect(errorsOf({ ...event, contacts: [row, row, row] }).contacts).toBeUndefined();
  });

  it('checks contact emails and lengths', () => {
    expect(errorsOf({ ...event, contacts: [{ name: 'Sam', company: '', email: 'not-an-email' }] })['contacts.0.email']).toBe(
      'Enter a valid email address',
    );
    expect(errorsOf({ ...event, contacts: [{ name: 'x'.repeat(121), company: '', email: '' }] })['contacts.0.name']).toMatch(
      /at most 120/,
    );
  });

  it('requires a channel, a title, a real date and hours between 0 and 24', () => {
    expect(errorsOf({ ...event, channel: '' }).channel).toBe('Choose what you are logging');
    expect(errorsOf({ ...event, title: '' }).title).toBe('Title is required');
    expect(errorsOf({ ...event, date: '2026-13-01' }).date).toBe('Date must be a real date');
    expect(errorsOf({ ...event, hours: '' }).hours).toBe('Enter the hours it took');
    expect(errorsOf({ ...event, hours: '0' }).hours).toBe('Hours must be more than 0');
    expect(errorsOf({ ...event, hours: '25' }).hours).toBe('Hours must be at most 24');
    expect(errorsOf({ ...event, hours: 'two' }).hours).toBe('Hours must be a number');
  });

  it('limits counts to whole numbers 0–1,000 and money to 10,000,000', () => {
    expect(errorsOf({ ...event, drinks: '1.5' }).drinks).toBe('Drinks must be a whole number');
    expect(errorsOf({ ...event, pitches: '-1' }).pitches).toBe('Pitches received cannot be negative');
    expect(errorsOf({ ...event, jobSeekerAsks: '1001' }).jobSeekerAsks).toMatch(/at most 1,000/);
    expect(errorsOf({ ...event, moneySpent: '10000001' }).moneySpent).toMatch(/at most 10,000,000/);
  });

  it("keeps only the chosen channel's fields", () => {
    const favor = quickLogSchema.parse({ ...event, channel: 'volunteering', helped: 'Marta, café owner', what: 'Fixed her WordPress menu' });
    expect(favor).toMatchObject({ drinks: null, pitches: null, usefulContacts: null, helped: 'Marta, café owner' });
    const evening = quickLogSchema.parse({ ...event, helped: 'someone', what: 'something' });
    expect(evening).toMatchObject({ helped: '', what: '', drinks: 3 });
  });
});

describe('quick log and effort form agree', () => {
  it('refuse the same over-long title with the same message, so a quick-logged effort can always be edited', () => {
    const longest = 'x'.repeat(EFFORT_TITLE_MAX);
    expect(errorsOf({ ...event, title: longest }).title).toBeUndefined();
    const quick = errorsOf({ ...event, title: `${longest}x` }).title;
    expect(quick).toMatch(/at most/);
    const form = effortSchema.safeParse({ channel: 'events', title: `${longest}x`, date: '2026-03-12' });
    expect(form.success).toBe(false);
    expect(form.success ? undefined : form.error.issues.find((i) => i.path[0] === 'title')?.message).toBe(quick);
  });
});
