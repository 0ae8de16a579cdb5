import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hostileBodies, hostileValues, MARKUP_PAYLOADS } from '@/test/hostile';
import { SCHEMA_FIXTURES } from '@/test/schema-fixtures';
import { isDateInRange, kindOf, prototypeSnapshot, sameShape, unsafeParts } from '@/test/safety';

const schemaDir = import.meta.dirname;
const files = readdirSync(schemaDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

const schemas: { id: string; schema: z.ZodType }[] = [];
beforeAll(async () => {
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(schemaDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.ZodType) schemas.push({ id: `${file.replace(/\.ts$/, '')}:${name}`, schema: value });
    }
  }
});

type Path = (string | number)[];

/** Every place in a payload a client controls: each top-level field and each value nested in lists. */
function fieldPaths(payload: unknown, prefix: Path = [], depth = 0): Path[] {
  if (typeof payload !== 'object' || payload === null || depth > 2) return [];
  const out: Path[] = [];
  for (const [key, value] of Object.entries(payload)) {
    const here = [...prefix, Array.isArray(payload) ? Number(key) : key];
    out.push(here);
    if (typeof value === 'object' && value !== null) out.push(...fieldPaths(value, here, depth + 1));
  }
  return out;
}

function withValue(payload: unknown, at: Path, value: unknown): unknown {
  const copy = structuredClone(payload) as Record<string | number, unknown>;
  let node = copy;
  for (const step of at.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  // defineProperty so a key named __proto__ would be an own key, as JSON.parse makes it.
  Object.defineProperty(node, at[at.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function valueAt(root: unknown, at: Path): unknown {
  let node = root;
  for (const step of at) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(typeof v === 'bigint' ? `${v}n` : kindOf(v));
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/** Runs one input through a schema and describes every way the outcome is unsafe. */
function check(schema: z.ZodType, input: unknown, expected: unknown, at: Path | null, label: string): string[] {
  const before = prototypeSnapshot();
  let result: ReturnType<z.ZodType['safeParse']>;
  try {
    result = schema.safeParse(input);
  } catch (err) {
    return [`${label}: threw ${(err as Error).name}`];
  }
  const problems: string[] = [];
  if (prototypeSnapshot() !== before || ({} as Record<string, unknown>).polluted !== undefined) {
    problems.push(`${label}: changed a built-in prototype`);
  }
  if (!result.success) return problems;
  const secret = /password/i.test(label.split(' ')[0]);
  for (const p of unsafeParts(result.data, '$', [], { isSecretPath: () => secret })) problems.push(`${label}: accepted but unsafe (${p})`);
  const got = at ? valueAt(result.data, at) : result.data;
  const want = at ? valueAt(expected, at) : expected;
  if (!sameShape(want, got)) problems.push(`${label}: a ${kindOf(got)} got through where a ${kindOf(want)} belongs`);
  // Where a valid input yields a date, whatever else is accepted there must be a date in range too.
  if (typeof want === 'string' && isDateInRange(want) && typeof got === 'string' && !isDateInRange(got)) {
    problems.push(`${label}: accepted the date ${got.slice(0, 30)}`);
  }
  return problems;
}

describe('hostile values', () => {
  it('cover the kinds of input the checks are meant for', () => {
    const values = hostileValues().map((h) => h.value);
    const strings = values.filter((v): v is string => typeof v === 'string');
    expect(values.length).toBeGreaterThanOrEqual(40);
    expect(strings.some((s) => s.length >= 1_000_000)).toBe(true);
    expect(strings.some((s) => s.includes('\u0000'))).toBe(true);
    expect(strings.some((s) => s.includes('\u202E'))).toBe(true);
    expect(values.some((v) => Number.isNaN(v))).toBe(true);
    expect(values.some((v) => Object.is(v, -0))).toBe(true);
    for (const p of MARKUP_PAYLOADS) expect(strings).toContain(p);
  });
});

describe('every schema against every hostile value in every field', () => {
  it('has a valid payload for every schema, and each payload is accepted as is', () => {
    expect(schemas.length).toBeGreaterThan(40);
    const missing = schemas.filter((s) => !SCHEMA_FIXTURES[s.id]).map((s) => s.id);
    // A new schema joins the suite by adding a valid payload to schema-fixtures.ts.
    expect(missing).toEqual([]);
    for (const { id, schema } of schemas) {
      for (const payload of SCHEMA_FIXTURES[id] ?? []) {
        const r = schema.safeParse(payload);
        expect(r.success, `${id} refused its own valid payload: ${r.success ? '' : JSON.stringify(r.error.issues[0])}`).toBe(true);
      }
    }
  });

  it('rejects each hostile value or accepts a bounded, well-formed one; never throws or pollutes', () => {
    const problems: string[] = [];
    let runs = 0;
    for (const { id, schema } of schemas) {
      for (const [i, payload] of (SCHEMA_FIXTURES[id] ?? []).entries()) {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) continue;
        const isObject = typeof payload === 'object' && payload !== null;
        const paths = isObject ? fieldPaths(payload) : [];
        for (const hostile of hostileValues()) {
          if (!isObject) {
            problems.push(...check(schema, hostile.value, parsed.data, null, `${id} ← ${hostile.name}`));
            runs += 1;
            continue;
          }
          for (const at of paths) {
            const input = withValue(payload, at, hostile.value);
            problems.push(...check(schema, input, parsed.data, at, `${id}#${i}.${at.join('.')} ← ${hostile.name} ${show(hostile.value)}`));
            runs += 1;
          }
        }
        for (const body of hostileBodies()) {
          problems.push(...check(schema, body.value, parsed.data, [], `${id} ← ${body.name}`));
          runs += 1;
        }
        if (isObject) {
          // Extra keys that try to smuggle a prototype next to valid fields.
          const extra = { ...(payload as object), ...JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') };
          problems.push(...check(schema, extra, parsed.data, [], `${id} ← valid payload plus __proto__`));
          runs += 1;
        }
      }
    }
    expect(runs).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
  });

  it('turns markup into nothing more than text: accepted markup comes back byte for byte', () => {
    for (const { id, schema } of schemas) {
      for (const payload of SCHEMA_FIXTURES[id] ?? []) {
        if (typeof payload !== 'object' || payload === null) continue;
        for (const at of fieldPaths(payload)) {
          if (typeof valueAt(payload, at) !== 'string') continue;
          for (const markup of MARKUP_PAYLOADS) {
            const r = schema.safeParse(withValue(payload, at, markup));
            // Validation neither strips nor encodes: escaping is the renderer's job, and must not happen twice.
            if (r.success && typeof valueAt(r.data, at) === 'string') {
              // A transform may blank a field that does not apply (another channel's fields), never rewrite it.
              expect(['', markup, markup.toLowerCase()]).toContain(valueAt(r.data, at));
            }
          }
        }
      }
    }
  });
});
