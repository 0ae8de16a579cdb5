import { readCsvFile } from './csv';
import { parseLooseDate } from './values';

/** One connection from LinkedIn's Connections.csv, cleaned for a contact. */
export interface LinkedinConnection {
  /** Line in the file (1-based), for messages. */
  line: number;
  name: string;
  email: string;
  company: string;
  role: string;
  linkedinUrl: string;
  metOn: string | null;
}

export interface LinkedinSkip {
  line: number;
  reason: string;
}

export type LinkedinParseResult =
  | { ok: true; connections: LinkedinConnection[]; skipped: LinkedinSkip[] }
  | { ok: false; error: string };

const TEXT_MAX = 120;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const norm = (h: string) => h.trim().toLowerCase().replace(/[^a-z]/g, '');

/** Clips text to the contact fields' limits, on a character (not UTF-16 unit) boundary. */
function clip(value: string, max = TEXT_MAX): string {
  const clean = value.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * A LinkedIn profile address in one form: https, lower-case host, no query, fragment or trailing
 * slash. Returns '' for anything that is not a linkedin.com address.
 */
export function normaliseLinkedinUrl(value: string): string {
  const raw = value.trim();
  if (!raw) return '';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return '';
  }
  const host = url.hostname.toLowerCase();
  if (!(host === 'linkedin.com' || host.endsWith('.linkedin.com'))) return '';
  if (url.username || url.password || (url.protocol !== 'https:' && url.protocol !== 'http:')) return '';
  const path = url.pathname.replace(/\/+$/, '');
  const canonicalHost = host === 'linkedin.com' || /^[a-z]{2}\.linkedin\.com$/.test(host) ? 'www.linkedin.com' : host;
  if (canonicalHost !== 'www.linkedin.com') return '';
  return `https://${canonicalHost}${path}`;
}

/** The key two LinkedIn addresses share when they name the same profile (vanity names ignore case). */
export function linkedinKey(value: string): string {
  const normal = normaliseLinkedinUrl(value);
  return normal ? normal.toLowerCase() : '';
}

/**
 * Reads LinkedIn's "Connections.csv" as the data export produces it: a few "Notes:" lines before
 * the header, mostly empty e-mails, dates like "12 Mar 2024". Rows without a name are skipped.
 */
export function parseLinkedinConnections(bytes: Uint8Array): LinkedinParseResult {
  const parsed = readCsvFile(bytes, { delimiter: ',' });
  if (!parsed.ok) return parsed;
  const headerIndex = parsed.rows.slice(0, 20).findIndex((r) => {
    const cells = r.map(norm);
    return cells.includes('firstname') && cells.includes('lastname');
  });
  if (headerIndex < 0) {
    return {
      ok: false,
      error:
        'This is not LinkedIn\'s Connections.csv: no "First Name, Last Name" header was found. Use the Connections file from LinkedIn\'s "Get a copy of your data".',
    };
  }
  const header = parsed.rows[headerIndex].map(norm);
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const cols = {
    first: col('firstname'),
    last: col('lastname'),
    url: col('url', 'profileurl', 'linkedinurl'),
    email: col('emailaddress', 'email'),
    company: col('company'),
    position: col('position', 'title'),
    connectedOn: col('connectedon'),
  };
  const connections: LinkedinConnection[] = [];
  const skipped: LinkedinSkip[] = [];
  parsed.rows.slice(headerIndex + 1).forEach((row, i) => {
    // Line numbers count the preamble too, as a text editor shows them.
    const line = parsed.lines[headerIndex + 1 + i];
    const get = (c: number) => (c >= 0 ? (row[c] ?? '') : '');
    const name = clip(`${get(cols.first).trim()} ${get(cols.last).trim()}`);
    if (!name) {
      skipped.push({ line, reason: 'No name' });
      return;
    }
    const rawEmail = get(cols.email).trim().toLowerCase();
    const email = rawEmail.length <= 254 && EMAIL.test(rawEmail) ? rawEmail : '';
    connections.push({
      line,
      name,
      email,
      company: clip(get(cols.company)),
      role: clip(get(cols.position)),
      linkedinUrl: normaliseLinkedinUrl(get(cols.url)).slice(0, 300),
      metOn: parseLooseDate(get(cols.connectedOn)),
    });
  });
  return { ok: true, connections, skipped };
}
