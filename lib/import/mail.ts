import PostalMime, { type Address } from 'postal-mime';

/** Largest message read, attachments included (they are parsed past, never kept). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const EXCERPT_LINES = 6;
const EXCERPT_CHARS = 600;

export interface MailPerson {
  email: string;
  name: string;
}

/** What Groundwork keeps of a message: who, to whom, when, about what, and its first lines. */
export interface InboundMessage {
  /** The Message-ID without angle brackets; a digest of sender, date and subject when it has none. */
  messageId: string;
  from: MailPerson | null;
  to: MailPerson[];
  cc: MailPerson[];
  /** Every address the message says it was delivered to, for finding the forwarding address. */
  deliveredTo: string[];
  /** YYYY-MM-DD of the Date header, or null. */
  date: string | null;
  subject: string;
  excerpt: string;
  /** The message inside a forward, as the forwarding mail program quoted it. */
  forwarded: { from: MailPerson | null; to: MailPerson[]; date: string | null; subject: string } | null;
}

export type MailParseResult = { ok: true; message: InboundMessage } | { ok: false; error: string };

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function person(address: string | undefined, name = ''): MailPerson | null {
  const email = (address ?? '').trim().toLowerCase();
  if (!email || email.length > 254 || !EMAIL.test(email)) return null;
  return { email, name: clip(name.replace(/^["']|["']$/g, ''), 120) };
}

function people(list: Address[] | Address | undefined): MailPerson[] {
  const flat = (Array.isArray(list) ? list : list ? [list] : []).flatMap((a) => (a.group ? a.group : [a]));
  return flat.flatMap((m) => {
    const p = person(m.address, m.name);
    return p ? [p] : [];
  });
}

function clip(value: string, max: number): string {
  const clean = value.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function isoDay(value: string | undefined | null): string | null {
  if (!value) return null;
  const t = Date.parse(value.replace(/\s+at\s+/i, ' '));
  if (Number.isNaN(t)) return null;
  const iso = new Date(t).toISOString().slice(0, 10);
  return iso >= '1970-01-01' && iso <= '2100-12-31' ? iso : null;
}

/** "Rosa Brandt <rosa@x.example>", "rosa@x.example", Outlook's "Rosa Brandt [mailto:rosa@x.example]", several split by commas or semicolons. */
function quotedPeople(value: string): MailPerson[] {
  const out: MailPerson[] = [];
  const re = /([^,;<[]*?)\s*(?:<|\[mailto:)([^>\]\s]+)[>\]]|([^\s,;<>"]+@[^\s,;<>"]+)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const p = m[2] ? person(m[2], m[1] ?? '') : person(m[3]);
    if (p) out.push(p);
  }
  return out;
}

const FORWARD_MARKERS = [/^-{5,}\s*Forwarded message\s*-{5,}$/i, /^-{5,}\s*Original Message\s*-{5,}$/i, /^Begin forwarded message:$/i, /^-{2,}\s*Weitergeleitete Nachricht\s*-{2,}$/i];

/** The quoted header block of a forward (Gmail, Outlook, Apple Mail), and the text that follows it. */
function findForward(text: string): { headers: Record<string, string>; body: string } | null {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^>\s?/, ''));
  const start = lines.findIndex((l) => FORWARD_MARKERS.some((re) => re.test(l.trim())));
  if (start < 0) return null;
  const headers: Record<string, string> = {};
  let i = start + 1;
  while (i < lines.length && !lines[i].trim()) i++;
  for (; i < lines.length; i++) {
    const m = /^\*?(From|Von|De|Date|Sent|Datum|Subject|Betreff|Objet|To|An|À|Cc)\*?:\s*(.*)$/i.exec(lines[i].trim());
    if (!m) break;
    const key = m[1].toLowerCase();
    const canonical = ({ von: 'from', de: 'from', sent: 'date', datum: 'date', betreff: 'subject', objet: 'subject', an: 'to', à: 'to' } as Record<string, string>)[key] ?? key;
    headers[canonical] = m[2];
  }
  if (!headers.from) return null;
  return { headers, body: lines.slice(i).join('\n') };
}

/** The first lines a person wrote: quoted replies, signatures' separators and blank lines left out. */
function excerptOf(text: string): string {
  const kept: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('>')) continue;
    if (line === '--' || line === '-- ' || /^On .+ wrote:$/.test(line)) break;
    kept.push(line);
    if (kept.length >= EXCERPT_LINES) break;
  }
  const joined = kept.join('\n');
  return joined.length <= EXCERPT_CHARS ? joined : `${Array.from(joined).slice(0, EXCERPT_CHARS - 1).join('').trimEnd()}…`;
}

async function digest(value: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads a raw RFC 5322 message (as a provider or a mail server hands it over) with postal-mime and
 * keeps only sender, recipients, date, subject and the first lines of plain text; HTML and
 * attachments are dropped. A message that cannot be read, or has no sender, is refused.
 */
export async function parseInboundMail(raw: Uint8Array | string): Promise<MailParseResult> {
  const size = typeof raw === 'string' ? new TextEncoder().encode(raw).byteLength : raw.byteLength;
  if (size === 0) return { ok: false, error: 'The message is empty.' };
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: `The message is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB.` };
  let email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50, maxHeadersSize: 256 * 1024 });
  } catch {
    return { ok: false, error: 'The message cannot be read as e-mail.' };
  }
  const from = people(email.from)[0] ?? null;
  if (!from) return { ok: false, error: 'The message has no sender address.' };
  const text = (email.text ?? '').slice(0, 200_000);
  const forward = findForward(text);
  const header = (key: string) => email.headers.filter((h) => h.key === key).map((h) => h.value);
  const deliveredTo = [
    ...header('delivered-to'),
    ...header('x-original-to'),
    ...header('x-forwarded-to'),
    ...header('envelope-to'),
    ...people(email.to).map((p) => p.email),
    ...people(email.cc).map((p) => p.email),
  ].flatMap((v) => quotedPeople(v).map((p) => p.email));
  const subject = clip(email.subject ?? '', 200);
  const date = isoDay(email.date);
  const rawId = (email.messageId ?? '').trim().replace(/^<|>$/g, '');
  const messageId = rawId && rawId.length <= 900 ? rawId : `digest:${await digest(`${from.email}|${email.date ?? ''}|${subject}`)}`;
  return {
    ok: true,
    message: {
      messageId,
      from,
      to: people(email.to),
      cc: people(email.cc),
      deliveredTo: [...new Set(deliveredTo)],
      date,
      subject,
      excerpt: excerptOf(forward ? forward.body : text),
      forwarded: forward
        ? {
            from: quotedPeople(forward.headers.from)[0] ?? null,
            to: [...quotedPeople(forward.headers.to ?? ''), ...quotedPeople(forward.headers.cc ?? '')],
            date: isoDay(forward.headers.date),
            subject: clip(forward.headers.subject ?? '', 200),
          }
        : null,
    },
  };
}
