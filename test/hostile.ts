// Values a hostile or careless client may send in place of any field. The schema suite runs each
// of them through every field of every schema; the browser spec uses the markup payloads.

export interface HostileValue {
  /** A short name for test output. */
  name: string;
  value: unknown;
}

/** Markup that would run script if it ever reached the page unescaped. */
export const MARKUP_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
] as const;

/** An object parsed from JSON, so `__proto__` is an own key as it would be in a request body. */
const protoKey = () => JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as unknown;
const constructorKey = () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown;

const repeat = (s: string, n: number) => s.repeat(n);

/** Every hostile value; each call builds fresh objects so one test cannot alter another's input. */
export function hostileValues(): HostileValue[] {
  return [
    // Oversized text
    { name: '10k chars', value: repeat('a', 10_000) },
    { name: '100k chars', value: repeat('b', 100_000) },
    { name: '1M chars', value: repeat('c', 1_000_000) },
    { name: '10k emoji', value: repeat('😀', 10_000) },
    { name: 'oversized with spaces', value: `${repeat(' ', 5_000)}x${repeat(' ', 5_000)}` },
    // Control and invisible characters
    { name: 'NUL', value: 'a\u0000b' },
    { name: 'NUL only', value: '\u0000' },
    { name: 'bell and escape', value: 'x\u0007\u001b[31my' },
    { name: 'newline in a single line', value: 'line one\nline two' },
    { name: 'carriage return', value: 'a\rb' },
    { name: 'DEL', value: 'a\u007fb' },
    { name: 'RTL override', value: 'invoice\u202Etxt.exe' },
    { name: 'zero-width characters', value: 'a\u200B\u200C\u200D\uFEFFb' },
    { name: 'lone surrogate', value: 'a\uD800b' },
    // Markup and URLs
    ...MARKUP_PAYLOADS.map((value, i) => ({ name: `markup ${i + 1}`, value })),
    { name: 'javascript URL', value: 'javascript:alert(1)' },
    { name: 'javascript URL mixed case', value: ' JaVaScRiPt:alert(document.cookie)' },
    { name: 'data URL', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
    { name: 'linkedin lookalike', value: 'https://www.linkedin.com.evil.example/in/x' },
    { name: 'linkedin with credentials', value: 'https://user:pass@www.linkedin.com/in/x' },
    // SQL-ish
    { name: 'SQL quote', value: "' OR '1'='1" },
    { name: 'SQL statement', value: "x'); DROP TABLE efforts; --" },
    { name: 'SQL comment', value: '1 /* */ UNION SELECT password_hash FROM users --' },
    // Numbers
    { name: 'NaN', value: Number.NaN },
    { name: 'Infinity', value: Number.POSITIVE_INFINITY },
    { name: '-Infinity', value: Number.NEGATIVE_INFINITY },
    { name: 'negative', value: -1 },
    { name: 'negative fraction', value: -0.01 },
    { name: '-0', value: -0 },
    { name: 'huge number', value: 1e300 },
    { name: 'max safe integer + 2', value: Number.MAX_SAFE_INTEGER + 2 },
    { name: '1e309 as text', value: '1e309' },
    { name: 'NaN as text', value: 'NaN' },
    { name: 'Infinity as text', value: 'Infinity' },
    { name: 'hex text', value: '0x10' },
    { name: 'number with spaces', value: ' 1 2 ' },
    { name: 'number with padding', value: '  7  ' },
    { name: 'tiny fraction', value: 0.000001 },
    { name: 'bigint', value: 10n ** 30n },
    // Dates
    { name: 'impossible date', value: '2026-02-30' },
    { name: 'far future', value: '9999-12-31' },
    { name: 'far past', value: '0001-01-01' },
    { name: 'date with time', value: '2026-03-01T00:00:00Z' },
    { name: 'date-like junk', value: '2026-13-01' },
    { name: 'Date object', value: new Date('2026-03-01T00:00:00Z') },
    { name: 'invalid Date object', value: new Date('nope') },
    // Wrong shapes
    { name: 'array of strings', value: ['a', 'b'] },
    { name: 'array with one number', value: [5] },
    { name: 'empty array', value: [] },
    { name: 'nested array', value: [['x']] },
    { name: 'plain object', value: { toString: 'x', value: 'y' } },
    { name: 'object with toString', value: { toString: () => 'sneaky' } },
    { name: '__proto__ key', value: protoKey() },
    { name: 'constructor key', value: constructorKey() },
    { name: 'null', value: null },
    { name: 'undefined', value: undefined },
    { name: 'true', value: true },
    { name: 'false', value: false },
    { name: 'empty string', value: '' },
    { name: 'whitespace only', value: ' \t ' },
    // Unicode
    { name: 'emoji', value: '🎉👩‍👩‍👧‍👦' },
    { name: 'astral characters', value: '𝔊𝔯𝔬𝔲𝔫𝔡 𐍈' },
    { name: 'combining marks', value: 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇' },
  ];
}

/** Whole-payload shapes that try to pollute prototypes through the body itself. */
export function hostileBodies(): HostileValue[] {
  return [
    { name: 'body with __proto__', value: JSON.parse('{"__proto__": {"polluted": "yes"}}') },
    { name: 'body with constructor.prototype', value: JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') },
    { name: 'array body', value: [] },
    { name: 'string body', value: 'x' },
    { name: 'null body', value: null },
    { name: 'number body', value: 1 },
  ];
}
