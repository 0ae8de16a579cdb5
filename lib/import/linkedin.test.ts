import { describe, expect, it } from 'vitest';
import { linkedinKey, normaliseLinkedinUrl, parseLinkedinConnections } from './linkedin';
import { parseLooseDate } from './values';

// Shaped like LinkedIn's "Get a copy of your data" Connections.csv, with a BOM and its preamble.
const EXPORT =
  '\uFEFFNotes:\r\n' +
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n' +
  '\r\n' +
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Zoë,Ødegård,https://www.linkedin.com/in/zoe-odegard-1a2b3c,,"Acme, Inc.","Head of ""Growth""",12 Mar 2024\r\n' +
  'José,García,https://WWW.LinkedIn.com/in/jose-garcia/?trk=abc,Jose@Example.COM,Bücher GmbH,Writer,01 Jan 2023\r\n' +
  '李,小龙,https://www.linkedin.com/in/xiaolong,,,,5 Feb 2022\r\n' +
  ',,https://www.linkedin.com/in/nobody,,,,05 Feb 2022\r\n';

const file = (s: string) => new TextEncoder().encode(s);

describe('parseLinkedinConnections', () => {
  it('reads a real-shaped export: preamble, BOM, empty e-mails, quoted commas, non-ASCII names, LinkedIn dates', () => {
    const r = parseLinkedinConnections(file(EXPORT));
    if (!r.ok) throw new Error(r.error);
    expect(r.connections).toEqual([
      {
        line: 5,
        name: 'Zoë Ødegård',
        email: '',
        company: 'Acme, Inc.',
        role: 'Head of "Growth"',
        linkedinUrl: 'https://www.linkedin.com/in/zoe-odegard-1a2b3c',
        metOn: '2024-03-12',
      },
      {
        line: 6,
        name: 'José García',
        email: 'jose@example.com',
        company: 'Bücher GmbH',
        role: 'Writer',
        linkedinUrl: 'https://www.linkedin.com/in/jose-garcia',
        metOn: '2023-01-01',
      },
      { line: 7, name: '李 小龙', email: '', company: '', role: '', linkedinUrl: 'https://www.linkedin.com/in/xiaolong', metOn: '2022-02-05' },
    ]);
    expect(r.skipped).toEqual([{ line: 8, reason: 'No name' }]);
  });

  it('clips a long LinkedIn headline to the role limit instead of dropping the person', () => {
    const long = 'Founder | Speaker | '.repeat(20);
    const r = parseLinkedinConnections(file(`First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lima,,,,"${long}",\n`));
    expect(r.ok && Array.from(r.connections[0].role).length).toBe(120);
    expect(r.ok && r.connections[0].metOn).toBeNull();
  });

  it('refuses a file without the LinkedIn header', () => {
    const r = parseLinkedinConnections(file('Name,Company\nAna,Acme\n'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/Connections\.csv/);
  });

  it('refuses broken files instead of guessing', () => {
    expect(parseLinkedinConnections(file('First Name,Last Name\n"Ana,Lima\n')).ok).toBe(false);
    expect(parseLinkedinConnections(new Uint8Array([0x46, 0x69, 0x72, 0x73, 0x74, 0x00])).ok).toBe(false);
    expect(parseLinkedinConnections(new Uint8Array([0x46, 0x2c, 0xe9, 0x0a])).ok).toBe(false);
  });
});

describe('LinkedIn addresses', () => {
  it('normalise host case, query, fragment and trailing slash', () => {
    expect(normaliseLinkedinUrl('HTTPS://LinkedIn.com/in/Ana-Lima/?utm=x#top')).toBe('https://www.linkedin.com/in/Ana-Lima');
    expect(normaliseLinkedinUrl('www.linkedin.com/in/ana')).toBe('https://www.linkedin.com/in/ana');
    expect(normaliseLinkedinUrl('https://evil.example/in/ana')).toBe('');
    expect(normaliseLinkedinUrl('https://linkedin.com.evil.example/in/ana')).toBe('');
  });

  it('match profiles regardless of vanity-name case', () => {
    expect(linkedinKey('https://www.linkedin.com/in/Ana-Lima/')).toBe(linkedinKey('http://linkedin.com/in/ana-lima'));
  });
});

describe('parseLooseDate', () => {
  it('reads unambiguous formats', () => {
    expect(parseLooseDate('12 Mar 2024')).toBe('2024-03-12');
    expect(parseLooseDate('5-Sep-21')).toBe('2021-09-05');
    expect(parseLooseDate('March 3, 2020')).toBe('2020-03-03');
    expect(parseLooseDate('2024/02/29')).toBe('2024-02-29');
    expect(parseLooseDate('2024-03-12T10:00:00Z')).toBe('2024-03-12');
  });

  it('refuses impossible or ambiguous dates', () => {
    expect(parseLooseDate('31 Feb 2024')).toBeNull();
    expect(parseLooseDate('03/04/2024')).toBeNull();
    expect(parseLooseDate('12 Foo 2024')).toBeNull();
    expect(parseLooseDate('')).toBeNull();
  });
});
