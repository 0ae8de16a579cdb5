/** Limits every uploaded file is held to, whatever it is imported as. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;
export const MAX_CELL_CHARS = 20_000;

export type CsvResult =
  | {
      ok: true;
      rows: string[][];
      /** The line each row starts on (1-based), as a text editor counts them. */
      lines: number[];
      delimiter: string;
    }
  | { ok: false; error: string };

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

const fmtMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The bytes of an uploaded text file as a string: strict UTF-8, without a byte-order mark.
 * Binary files (NUL bytes) and other encodings are refused with a message a person can act on.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  /** What to do instead, in the words of the file's own kind. */
  advice = 'In your spreadsheet, save it again as "CSV UTF-8 (comma delimited)" and upload that file.',
): DecodeResult {
  if (bytes.byteLength === 0) return { ok: false, error: 'The file is empty.' };
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { ok: false, error: `The file is larger than ${fmtMb(MAX_FILE_BYTES)}. Split it into smaller files and import them one by one.` };
  }
  if (bytes.includes(0)) {
    return { ok: false, error: `This does not look like a text file (it contains binary data). ${advice}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: `The file is not UTF-8 text. ${advice}` };
  }
  // TextDecoder drops a leading BOM already; a second one (files saved twice) is dropped too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** Picks the delimiter of a spreadsheet export from its first line: comma, semicolon or tab. */
export function detectDelimiter(text: string): string {
  let line = '';
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    if (!quoted) line += c;
  }
  const count = (d: string) => line.split(d).length - 1;
  const candidates = [',', ';', '\t'].map((d) => ({ d, n: count(d) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0].n > 0 ? candidates[0].d : ',';
}

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks; lines end with
 * CRLF, LF or CR. Rows that are entirely empty are dropped. An unterminated quote is an error
 * rather than a guess, so a damaged file never imports half a row into the wrong columns.
 */
export function parseCsv(text: string, options: { delimiter?: string; maxRows?: number } = {}): CsvResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const maxRows = options.maxRows ?? MAX_ROWS + 20;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let rowLine = 1;
  let field = '';
  let line = 1;
  let i = 0;
  const n = text.length;

  const endRow = (): string | null => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) {
      if (row.length > MAX_COLUMNS) return `Line ${line} has more than ${MAX_COLUMNS} columns.`;
      rows.push(row);
      lines.push(rowLine);
      if (rows.length > maxRows) return `The file has more than ${(maxRows - 20).toLocaleString('en-US')} rows. Split it into smaller files.`;
    }
    row = [];
    return null;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const startLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        field += q;
        i++;
        if (field.length > MAX_CELL_CHARS) return { ok: false, error: `A value starting on line ${startLine} is too long.` };
      }
      if (!closed) {
        return {
          ok: false,
          error: `A quoted value starting on line ${startLine} is never closed (unbalanced quotes). Check the file in a spreadsheet and save it again.`,
        };
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        return { ok: false, error: `Line ${line} has text right after a closing quote. Quotes inside a value must be doubled ("").` };
      }
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      const error = endRow();
      if (error) return { ok: false, error };
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += c;
    i++;
    if (field.length > MAX_CELL_CHARS) return { ok: false, error: `A value on line ${line} is too long.` };
  }
  if (field !== '' || row.length > 0) {
    const error = endRow();
    if (error) return { ok: false, error };
  }
  return { ok: true, rows, lines, delimiter };
}

/** Decodes and parses in one step, the way every upload is read. */
export function readCsvFile(bytes: Uint8Array, options: { delimiter?: string } = {}): CsvResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  return parseCsv(decoded.text, options);
}

// Spreadsheets run a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as it was before export: the apostrophe csvCell puts before a formula-like start comes
 * off again, so an exported file imports without a stray quote on every "+1 555…" or "-note".
 */
export function unguardCell(raw: string): string {
  return raw.startsWith("'") && FORMULA_START.test(raw.slice(1)) ? raw.slice(1) : raw;
}

/** One CSV cell: quoted when needed, and made inert when a spreadsheet would run it as a formula. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line with its CRLF ending. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
