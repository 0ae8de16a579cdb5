import { describe, expect, it } from 'vitest';
import { checkMapping, checkRow, guessMapping, parseMapping } from './mapping';

describe('guessMapping', () => {
  it('guesses contact fields from common header names', () => {
    expect(guessMapping('contacts', ['Full Name', 'E-mail Address', 'Company', 'Job Title', 'Date', 'Favourite colour'])).toEqual([
      'name',
      'email',
      'company',
      'role',
      'metOn',
      null,
    ]);
  });

  it('prefers an exact field name, and uses each field once', () => {
    expect(guessMapping('efforts', ['Title', 'Date', 'Channel', 'Name', 'Date'])).toEqual(['title', 'date', 'channel', null, null]);
  });

  it('recognises the headers of our own exports', () => {
    expect(guessMapping('opportunities', ['Title', 'Kind', 'Stage', 'Contact', 'Effort', 'Expected value', 'Won value', 'Opened on', 'Closed on', 'Notes'])).toEqual([
      'title',
      'kind',
      'stage',
      'contact',
      null,
      'expectedValue',
      'wonValue',
      'openedOn',
      'closedOn',
      'notes',
    ]);
  });
});

describe('checkMapping', () => {
  it('asks for required fields and refuses a field used twice', () => {
    expect(checkMapping('efforts', ['title', null])).toEqual([
      'Choose the column that holds channel.',
      'Choose the column that holds date.',
    ]);
    expect(checkMapping('contacts', ['name', 'name'])[0]).toMatch(/Name is chosen for 2 columns/);
    expect(checkMapping('contacts', ['firstName', 'lastName'])).toEqual([]);
  });

  it('reads a mapping from the query string, dropping unknown fields', () => {
    expect(parseMapping('contacts', 'name,,hack,email', 5)).toEqual(['name', null, null, 'email', null]);
  });
});

describe('checkRow', () => {
  it('validates a contact with the contact schema and normalises values', () => {
    const r = checkRow('contacts', ['firstName', 'lastName', 'tags', 'metOn', 'channel'], ['Zoë', 'Ødegård', 'writer; client', '12 Mar 2024', 'LinkedIn']);
    expect(r.ok && r.record.entity === 'contacts' && r.record.input).toMatchObject({
      name: 'Zoë Ødegård',
      tags: ['writer', 'client'],
      metOn: '2024-03-12',
      channel: 'linkedin',
    });
  });

  it('reports each invalid field with its label', () => {
    const r = checkRow('contacts', ['name', 'email', 'metOn'], ['', 'not-an-email', '2024-02-30']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual(['Name is required', 'Enter a valid email address', 'Met on must be a real date']);
  });

  it('validates efforts per channel, reading channel names and amounts as people write them', () => {
    const ok = checkRow('efforts', ['channel', 'title', 'date', 'hours', 'moneySpent', 'drinks'], [
      'Networking events & happy hours',
      'Chamber mixer',
      '2024-05-02',
      '2.5',
      '$1,200.50',
      '3',
    ]);
    expect(ok.ok && ok.record.entity === 'efforts' && ok.record.input).toMatchObject({
      channel: 'events',
      hours: 2.5,
      moneySpent: 1200.5,
      drinks: 3,
    });
    const bad = checkRow('efforts', ['channel', 'title', 'date', 'hours'], ['organizations', 'Books', '2024-05-02', '30']);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join(' ')).toMatch(/organization/i);
    expect(!bad.ok && bad.errors.join(' ')).toMatch(/at most 24/);
    const unknown = checkRow('efforts', ['channel', 'title', 'date'], ['parties', 'x', '2024-01-01']);
    expect(!unknown.ok && unknown.errors).toContain('Channel: use one of events, organizations, volunteering, stretch, interviews, linkedin, other (or the channel\'s full name)');
    const plural = checkRow('efforts', ['channel', 'title', 'date', 'hours'], ['happy hours', 'Rooftop mixer', '2024-05-02', '3']);
    expect(plural.ok && plural.record.input).toMatchObject({ channel: 'events' });
    const plural2 = checkRow('efforts', ['channel', 'title', 'date', 'hours'], ['Professional organizations', 'Books', '2024-05-02', '3']);
    expect(!plural2.ok && plural2.errors.join(' ')).not.toMatch(/Channel: use one of/);
  });

  it('takes back its own export: the apostrophe that disarms a formula comes off again', () => {
    const r = checkRow('contacts', ['name', 'phone', 'notes', 'company'], ["Dana Lee", "'+1 555 010 2030", "'-met at the fair", "'Reilly & Sons"]);
    expect(r.ok && r.record.input).toMatchObject({ phone: '+1 555 010 2030', notes: '-met at the fair', company: "'Reilly & Sons" });
  });

  it('validates opportunities with stage rules', () => {
    const r = checkRow('opportunities', ['title', 'kind', 'stage', 'openedOn'], ['Site rebuild', 'Client', 'Won', '2024-01-01']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/won or lost/);
    const ok = checkRow('opportunities', ['title', 'kind', 'stage', 'openedOn', 'contact'], ['Talk', 'speaking', 'Proposal / interview', '1 Jan 2024', 'Ana']);
    expect(ok.ok && ok.record.entity === 'opportunities' && ok.record).toMatchObject({ input: { stage: 'proposal', kind: 'speaking' }, contact: 'Ana' });
  });
});
