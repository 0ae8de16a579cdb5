// Building an Intl formatter costs far more than using one; pages format hundreds of figures.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const numberFormats = new Map<number, Intl.NumberFormat>();

/** Whole currency units, e.g. "$1,240". */
export function formatMoney(amount: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    // minimumFractionDigits is set too because engines reject a maximum below a currency's default minimum.
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    moneyFormats.set(currency, f);
  }
  return f.format(amount);
}

const centFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as it was entered: whole units when it is whole ("$26"), cents otherwise ("$25.50").
 * Records show this; the dashboard's totals keep whole units.
 */
export function formatAmount(amount: number, currency: string): string {
  if (Number.isInteger(Math.round(amount * 100) / 100)) return formatMoney(amount, currency);
  let f = centFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    centFormats.set(currency, f);
  }
  return f.format(amount);
}

/** A number with at most `digits` decimals and no trailing zeros, e.g. 2.5, 18, 1,200. */
export function formatNumber(value: number, digits = 1): string {
  let f = numberFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  return f.format(value);
}

/** Hours as "18 h", "2.5 h" or "3.25 h": the quarter hours people log are shown as logged. */
export function formatHours(hours: number): string {
  return `${formatNumber(hours, 2)} h`;
}

/** A whole percentage, e.g. "42%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Count and noun agreeing in number: "1 contact", "5 contacts", "0.5 opportunities". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  const shown = formatNumber(count, 1);
  // Compare what is shown, so that 0.999… printed as "1" still reads "1 contact".
  return `${shown} ${shown === '1' ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
