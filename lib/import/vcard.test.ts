import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import encodeQR from 'qr';
import decodeQR from 'qr/decode.js';
import { formatVcard, MAX_CARDS, parseVcards } from './vcard';

const fixture = readFileSync(path.join(__dirname, '../../e2e/fixtures/contacts.vcf'));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseVcards', () => {
  it('reads iPhone, Android and vCard 4 cards with non-ASCII names, folded lines and quoted-printable', () => {
    const r = parseVcards(new Uint8Array(fixture));
    if (!r.ok) throw new Error(r.error);
    expect(r.cards.map((c) => [c.line, c.name, c.email, c.phone, c.company, c.role, c.linkedinUrl])).toEqual([
      [1, 'Zoë Ødegård', 'zoe.odegard@acme.example', '+47 912 34 567', 'Acme, Inc.', 'Head of Growth', 'https://www.linkedin.com/in/zoe-odegard'],
      [17, 'José García', 'jose@example.com', '+49 170 1234567', 'Bücher GmbH', '', ''],
      [27, '李小龍', 'xiaolong.li@example.cn', '+86-10-1234-5678', '', '', 'https://www.linkedin.com/in/li-xiaolong'],
      [35, 'Zoe Odegard', 'zoe.odegard@acme.example', '', '', '', ''],
    ]);
    expect(r.cards[0].notes).toBe("Met at the Oslo writers' club; wants an intro to the biotech editors. Follow up in March.");
    expect(r.cards[1].notes).toBe('Schreibt für Fachverlage, sucht Lektorat.');
    expect(r.skipped).toEqual([{ line: 40, reason: 'No name' }]);
  });

  it('takes the name from N when a card has no FN, and accepts bare LF line ends', () => {
    const r = parseVcards(bytes('BEGIN:VCARD\nVERSION:3.0\nN:Kowalska;Anna;Maria;Dr.;\nEND:VCARD\n'));
    expect(r.ok && r.cards.map((c) => c.name)).toEqual(['Dr. Anna Maria Kowalska']);
  });

  it('refuses a damaged file whole instead of importing part of it', () => {
    const cut = parseVcards(bytes('BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ben\r\n'));
    expect(cut).toEqual({ ok: false, error: expect.stringMatching(/line 4 has no END:VCARD/) });
    const nested = parseVcards(bytes('BEGIN:VCARD\r\nFN:Ana\r\nBEGIN:VCARD\r\nFN:Ben\r\nEND:VCARD\r\n'));
    expect(nested.ok).toBe(false);
    expect(parseVcards(bytes('First Name,Last Name\nAna,Lima\n'))).toEqual({ ok: false, error: expect.stringMatching(/not a contact card file/) });
    expect(parseVcards(new Uint8Array([0x42, 0x45, 0x47, 0xe9, 0x0a]))).toEqual({ ok: false, error: expect.stringMatching(/not UTF-8.*vCard/) });
  });

  it(`refuses more than ${MAX_CARDS} cards`, () => {
    const many = 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'.repeat(MAX_CARDS + 1);
    expect(parseVcards(bytes(many))).toEqual({ ok: false, error: expect.stringMatching(/more than 5,000 cards/) });
    expect(parseVcards(bytes('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'.repeat(MAX_CARDS))).ok).toBe(true);
  });

  it('drops values a contact cannot hold rather than the card', () => {
    const r = parseVcards(bytes('BEGIN:VCARD\r\nFN:Ana\r\nEMAIL:not-an-address\r\nTEL:call me maybe\r\nURL:https://example.com/ana\r\nEND:VCARD\r\n'));
    expect(r.ok && r.cards.map((c) => [c.name, c.email, c.phone, c.linkedinUrl])).toEqual([['Ana', '', '', '']]);
  });
});

describe('formatVcard', () => {
  it('writes a card that reads back the same, non-ASCII names and separators included', () => {
    const card = formatVcard({ name: 'Zoë Ødegård', email: 'zoe@example.org', phone: '+47 912 34 567', company: 'Acme, Inc.; Growth', role: 'Head of Growth' });
    expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\nN:Ødegård;Zoë;;;\r\nFN:Zoë Ødegård\r\nORG:Acme\\, Inc\.\\; Growth\r\n/);
    const r = parseVcards(bytes(card));
    expect(r.ok && r.cards.map((c) => [c.name, c.email, c.phone, c.company, c.role])).toEqual([
      ['Zoë Ødegård', 'zoe@example.org', '+47 912 34 567', 'Acme, Inc.; Growth', 'Head of Growth'],
    ]);
  });

  it('fits in a QR code that a scanner reads back as the card', () => {
    const card = formatVcard({ name: 'José García', email: 'jose@example.com', linkedinUrl: 'https://www.linkedin.com/in/jose-garcia' });
    const matrix = encodeQR(card, 'raw', { ecc: 'medium', border: 2 });
    const scale = 4;
    const size = matrix.length * scale;
    const data = new Uint8Array(size * size * 3);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) data.fill(matrix[Math.floor(y / scale)][Math.floor(x / scale)] ? 0 : 255, (y * size + x) * 3, (y * size + x) * 3 + 3);
    }
    expect(decodeQR({ width: size, height: size, data })).toBe(card);
    expect(encodeQR(card, 'svg')).toMatch(/^<svg/);
  });
});
