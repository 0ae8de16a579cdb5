// What "safe to store and render" means for a value that got past validation.

/** The longest text any schema may accept (notes); everything else is shorter. */
export const MAX_ACCEPTED_STRING = 5000;
/** Versions are int4; money tops out at 10,000,000. */
export const MAX_ACCEPTED_NUMBER = 2_147_483_647;
export const MAX_ACCEPTED_LIST = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export interface SafetyOptions {
  /** Paths that hold a calendar date; their values must be real dates from 1970 to 2100. */
  isDatePath?: (path: string) => boolean;
  /** Paths never stored as text (passwords are only hashed), where any character is allowed. */
  isSecretPath?: (path: string) => boolean;
}

/** Whether a YYYY-MM-DD string is a real date within the range the app accepts. */
export function isDateInRange(v: string): boolean {
  return DATE.test(v) && isRealDate(v) && v >= '1970-01-01' && v <= '2100-12-31';
}

/** Why a parsed value is not safe, one line per problem; empty when it is. */
export function unsafeParts(value: unknown, path = '$', problems: string[] = [], options: SafetyOptions = {}): string[] {
  const isSecret = /password/i.test(path) || Boolean(options.isSecretPath?.(path));
  switch (typeof value) {
    case 'string':
      if (value.length > MAX_ACCEPTED_STRING) problems.push(`${path}: ${value.length} characters`);
      // PostgreSQL text cannot hold NUL; a NUL that gets through becomes a 500 at insert time.
      if (value.includes('\u0000') && !isSecret) problems.push(`${path}: contains NUL`);
      if (options.isDatePath?.(path) && !isDateInRange(value)) problems.push(`${path}: date ${value} out of range`);
      break;
    case 'number':
      if (!Number.isFinite(value)) problems.push(`${path}: ${value}`);
      else if (value < 0 || value > MAX_ACCEPTED_NUMBER) problems.push(`${path}: ${value} out of range`);
      break;
    case 'boolean':
    case 'undefined':
      break;
    case 'object':
      if (value === null) break;
      if (Array.isArray(value)) {
        if (value.length > MAX_ACCEPTED_LIST) problems.push(`${path}: list of ${value.length}`);
        value.forEach((item, i) => unsafeParts(item, `${path}[${i}]`, problems, options));
        break;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        problems.push(`${path}: a ${Object.prototype.toString.call(value)} instead of plain data`);
        break;
      }
      for (const key of Object.keys(value)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') problems.push(`${path}: key ${key}`);
        unsafeParts((value as Record<string, unknown>)[key], `${path}.${key}`, problems, options);
      }
      break;
    default:
      problems.push(`${path}: a ${typeof value}`);
  }
  return problems;
}

export type Kind = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'object' | 'other';

export function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined' || t === 'object' ? t : 'other';
}

/**
 * Whether a parsed field has a shape the field may have: what a valid input produces, or empty.
 * An array or object is only fine where a valid input also produces one.
 */
export function sameShape(expected: unknown, actual: unknown): boolean {
  const want = kindOf(expected);
  const got = kindOf(actual);
  if (got === want || got === 'null' || got === 'undefined') return true;
  if (got === 'array' || got === 'object' || got === 'other') return false;
  // An optional field's valid output may be empty while a hostile one is a primitive.
  return want === 'null' || want === 'undefined';
}

/** Snapshot of the built-in prototypes, to prove parsing never adds to them. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}
