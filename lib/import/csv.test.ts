import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, decodeUtf8, MAX_FILE_BYTES, parseCsv, readCsvFile } from './csv';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const r = parseCsv('a,b,c\r\n"x, y","say ""hi""","line 1\nline 2"\r\n');
    expect(r).toEqual({
      ok: true,
      delimiter: ',',
      rows: [
        ['a', 'b', 'c'],
        ['x, y', 'say "hi"', 'line 1\nline 2'],
      ],
      lines: [1, 2],
    });
  });

  it('accepts LF and CR line endings, drops blank lines and counts lines like an editor', () => {
    const r = parseCsv('h1,h2\n\n1,2\r3,4');
    expect(r.ok && r.rows).toEqual([['h1', 'h2'], ['1', '2'], ['3', '4']]);
    expect(r.ok && r.lines).toEqual([1, 3, 4]);
  });

  it('keeps empty fields, including a trailing one', () => {
    const r = parseCsv('a,,c,\n');
    expect(r.ok && r.rows).toEqual([['a', '', 'c', '']]);
  });

  it('detects semicolon-separated spreadsheets', () => {
    const r = parseCsv('Name;Company\n"Doe; Jane";Acme\n');
    expect(r.ok && r.rows).toEqual([['Name', 'Company'], ['Doe; Jane', 'Acme']]);
  });

  it('refuses an unbalanced quote, naming the line where it starts', () => {
    const r = parseCsv('a,b\n1,2\n"open,3\n4,5\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/line 3.*never closed/);
  });

  it('refuses text after a closing quote', () => {
    const r = parseCsv('"abc"def,1\n');
    expect(r.ok).toBe(false);
  });

  it('refuses more rows than the limit', () => {
    const r = parseCsv('h\n' + '1\n'.repeat(30), { maxRows: 25 });
    expect(r.ok).toBe(false);
  });
});

describe('decodeUtf8', () => {
  it('drops a byte-order mark', () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Name\nZoë')]));
    expect(r).toEqual({ ok: true, text: 'Name\nZoë' });
  });

  it('refuses bytes that are not UTF-8 (a Latin-1 file)', () => {
    const r = decodeUtf8(new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/not UTF-8/);
  });

  it('refuses binary content (NUL bytes)', () => {
    const r = readCsvFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x2c, 0x0a]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/binary/);
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(decodeUtf8(new Uint8Array()).ok).toBe(false);
    expect(decodeUtf8(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)).ok).toBe(false);
  });
});

describe('csvCell', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
  });

  it('makes formulas inert with a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('round-trips through the parser', () => {
    const values = ['Zoë "Z" Ødegård', 'a,b;c', 'multi\r\nline', ' padded ', '日本語 🎉', ''];
    const r = parseCsv(csvLine(values), { delimiter: ',' });
    expect(r.ok && r.rows[0]).toEqual(values);
  });
});
