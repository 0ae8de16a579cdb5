const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

/**
 * A date written in an unambiguous way, as YYYY-MM-DD; null when it is empty or unclear.
 * Accepts 2024-03-12, 2024/03/12, an ISO timestamp, "12 Mar 2024", "12-Mar-24", "Mar 12, 2024".
 * Numeric day/month orders (03/12/2024) are refused: they mean different days in different countries.
 */
export function parseLooseDate(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9}\.?)[\s-,]+(\d{4}|\d{2})$/.exec(v);
  if (m) {
    const month = monthOf(m[2]);
    return month ? isoOf(fullYear(m[3]), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(v);
  if (m) {
    const month = monthOf(m[1]);
    return month ? isoOf(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** A date cell for a zod date field: recognised formats become YYYY-MM-DD, others pass through to fail validation. */
export function dateCell(value: string): string {
  const v = value.trim();
  return v ? (parseLooseDate(v) ?? v) : '';
}

/** A number cell: currency signs, spaces and thousands separators (1,234.50) are dropped. */
export function numberCell(value: string): string {
  let v = value.trim().replace(/[\s\u00A0]/g, '').replace(/^[$€£¥₹]|[$€£¥₹]$/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) v = v.replace(/,/g, '');
  return v;
}

/** A yes/no cell; anything unrecognised counts as no. */
export function boolCell(value: string): boolean {
  return /^(yes|y|true|1|x|✓|✔|on)$/i.test(value.trim());
}
