import { decodeUtf8 } from './csv';
import { normaliseLinkedinUrl, type LinkedinSkip } from './linkedin';

/** Cards one file may hold; a phone's whole address book is rarely more. */
export const MAX_CARDS = 5_000;
/** Longest unfolded content line read; a photo may be longer and is skipped, not read. */
const MAX_LINE_CHARS = 20_000;

/** One person from a contact card, cleaned for a contact. */
export interface VcardContact {
  /** Line of the card's BEGIN:VCARD (1-based), for messages. */
  line: number;
  name: string;
  email: string;
  phone: string;
  company: string;
  role: string;
  linkedinUrl: string;
  notes: string;
}

export type VcardParseResult = { ok: true; cards: VcardContact[]; skipped: LinkedinSkip[] } | { ok: false; error: string };

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()./\s-]+(\s*(x|ext\.?)\s*\d+)?$/i;

function clip(value: string, max: number): string {
  const clean = value.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function clipNotes(value: string, max: number): string {
  const clean = value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F]+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(value: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

/** A TEXT value with its escapes (RFC 6350 §3.4) turned back into characters. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** vCard 2.1 quoted-printable, decoded in the card's charset (UTF-8 unless it says Latin-1). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const raw = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === '=' ? raw.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(raw[i])) bytes.push(b);
    }
  }
  const label = /^(iso-8859-1|latin1|windows-1252)$/i.test(charset) ? 'windows-1252' : 'utf-8';
  return new TextDecoder(label).decode(new Uint8Array(bytes));
}

/** Parses `group.NAME;PARAM=a,b;BARE:value` (vCard 2.1 allows bare parameters such as WORK or QUOTED-PRINTABLE). */
function parseLine(line: string): Property | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [rawName, ...rawParams] = line.slice(0, colon).split(';');
  const name = rawName.replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? (/^(quoted-printable|base64|b|8bit)$/i.test(p) ? 'ENCODING' : 'TYPE') : p.slice(0, eq)).toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, '').toUpperCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: line.slice(colon + 1) };
}

/** The value as text: quoted-printable decoded, escapes undone unless the value is structured. */
function valueOf(p: Property, { structured = false } = {}): string {
  let v = p.value;
  if (p.params.get('ENCODING')?.includes('QUOTED-PRINTABLE')) v = decodeQuotedPrintable(v, p.params.get('CHARSET')?.[0] ?? 'UTF-8');
  return structured ? v : unescapeText(v);
}

const isPreferred = (p: Property) => Boolean(p.params.get('TYPE')?.includes('PREF') || p.params.get('PREF')?.includes('1'));

/** The preferred property of a name, else the first. */
function pick(props: Property[], name: string): Property | undefined {
  const all = props.filter((p) => p.name === name);
  return all.find(isPreferred) ?? all[0];
}

function cardToContact(props: Property[], line: number): VcardContact | LinkedinSkip {
  const fn = pick(props, 'FN');
  const n = pick(props, 'N');
  const org = pick(props, 'ORG');
  let name = fn ? clip(valueOf(fn), 120) : '';
  if (!name && n) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitUnescaped(valueOf(n, { structured: true }), ';').map(unescapeText);
    name = clip([prefix, given, additional, family, suffix].filter((s) => s.trim()).join(' '), 120);
  }
  const company = org ? clip(unescapeText(splitUnescaped(valueOf(org, { structured: true }), ';')[0] ?? ''), 120) : '';
  const emails = props.filter((p) => p.name === 'EMAIL');
  const emailProp = emails.find((p) => isPreferred(p) && EMAIL.test(valueOf(p).trim())) ?? emails.find((p) => EMAIL.test(valueOf(p).trim()));
  const email = emailProp ? valueOf(emailProp).trim().replace(/^mailto:/i, '').toLowerCase() : '';
  if (!name) name = company || email;
  if (!name) return { line, reason: 'No name' };

  const phones = props.filter((p) => p.name === 'TEL').map((p) => ({ p, v: clip(valueOf(p).replace(/^tel:/i, ''), 40) }));
  const okPhone = (v: string) => PHONE.test(v) && /\d/.test(v);
  const phone = (phones.find(({ p, v }) => isPreferred(p) && okPhone(v)) ?? phones.find(({ v }) => okPhone(v)))?.v ?? '';
  const urls = props.filter((p) => p.name === 'URL' || p.name === 'X-SOCIALPROFILE').map((p) => normaliseLinkedinUrl(valueOf(p)));
  const title = pick(props, 'TITLE');
  const note = pick(props, 'NOTE');
  return {
    line,
    name,
    email: email.length <= 254 ? email : '',
    phone,
    company,
    role: title ? clip(valueOf(title), 120) : '',
    linkedinUrl: (urls.find(Boolean) ?? '').slice(0, 300),
    notes: note ? clipNotes(valueOf(note), 5000) : '',
  };
}

/**
 * Reads a .vcf file of one or many contact cards as phones and mail programs export them:
 * vCard 2.1 (quoted-printable, bare parameters), 3.0 and 4.0, folded lines, grouped properties.
 * A damaged file (a card that never ends) is refused whole rather than read in part.
 */
export function parseVcards(bytes: Uint8Array): VcardParseResult {
  const decoded = decodeUtf8(bytes, 'Export the contacts again as a vCard (.vcf) file and upload that file.');
  if (!decoded.ok) return decoded;
  const physical = decoded.text.split(/\r\n|\r|\n/);
  const cards: VcardContact[] = [];
  const skipped: LinkedinSkip[] = [];
  let current: Property[] | null = null;
  let cardLine = 0;
  let sawCard = false;
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    let line = physical[i];
    // Unfold: a line that starts with a space or tab continues the one before (RFC 6350 §3.2).
    while (i + 1 < physical.length && /^[ \t]/.test(physical[i + 1])) {
      i++;
      if (line.length < MAX_LINE_CHARS) line += physical[i].slice(1);
    }
    // vCard 2.1 quoted-printable continues a line that ends in "=" on the next one, unindented.
    if (/QUOTED-PRINTABLE/i.test(line.slice(0, line.indexOf(':') + 1))) {
      while (line.endsWith('=') && i + 1 < physical.length && line.length < MAX_LINE_CHARS) {
        i++;
        line = `${line.slice(0, -1)}${physical[i]}`;
      }
    }
    if (!line.trim()) continue;
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (current) return { ok: false, error: `The card that starts on line ${cardLine} has no END:VCARD. Nothing was imported; export the contacts again.` };
      current = [];
      cardLine = start + 1;
      sawCard = true;
      if (cards.length + skipped.length >= MAX_CARDS) {
        return { ok: false, error: `The file has more than ${MAX_CARDS.toLocaleString('en-US')} cards. Split it into smaller files.` };
      }
      continue;
    }
    if (upper === 'END:VCARD') {
      if (!current) return { ok: false, error: `Line ${start + 1} ends a card that never began. Nothing was imported; export the contacts again.` };
      const contact = cardToContact(current, cardLine);
      if ('name' in contact) cards.push(contact);
      else skipped.push(contact);
      current = null;
      continue;
    }
    if (!current) continue;
    if (line.length >= MAX_LINE_CHARS) continue;
    const prop = parseLine(line);
    if (prop) current.push(prop);
  }
  if (current) return { ok: false, error: `The card that starts on line ${cardLine} has no END:VCARD. Nothing was imported; export the contacts again.` };
  if (!sawCard) return { ok: false, error: 'This is not a contact card file: no BEGIN:VCARD was found. Export the contacts as a vCard (.vcf) file.' };
  return { ok: true, cards, skipped };
}

/** Escapes a vCard TEXT value (RFC 6350 §3.4). */
function escapeCardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A vCard 3.0 of one person, the version every phone camera reads, for sharing your own card.
 * Empty fields are left out; lines are short enough for a QR code not to need folding.
 */
export function formatVcard(card: { name: string; email?: string; phone?: string; company?: string; role?: string; linkedinUrl?: string }): string {
  const name = card.name.trim();
  const parts = name.split(/\s+/);
  const family = parts.length > 1 ? parts[parts.length - 1] : '';
  const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : name;
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${escapeCardText(family)};${escapeCardText(given)};;;`, `FN:${escapeCardText(name)}`];
  if (card.company) lines.push(`ORG:${escapeCardText(card.company)}`);
  if (card.role) lines.push(`TITLE:${escapeCardText(card.role)}`);
  if (card.email) lines.push(`EMAIL;TYPE=INTERNET:${card.email}`);
  if (card.phone) lines.push(`TEL;TYPE=CELL:${card.phone}`);
  if (card.linkedinUrl) lines.push(`URL:${card.linkedinUrl}`);
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}
