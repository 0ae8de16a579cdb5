/**
 * What a form sent without JavaScript, and what the server answers so the same page can show it:
 * pure helpers shared by the server-action adapter (lib/action.ts) and the form hook.
 */

export type FormValues = Record<string, unknown>;

/** The answer to a form posted to its server action: the result and the values to show again. */
export type FormState = {
  ok: boolean;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was sent, keyed by dotted field name (a ticked group as a list); secrets (passwords) are never echoed. */
  sent?: Record<string, string | string[]>;
} | null;

const MAX_FIELDS = 500;

/** Form fields as the nested object the schemas parse: "contacts.0.name" becomes contacts[0].name. */
export function valuesOf(formData: FormData): { values: FormValues; sent: Record<string, string | string[]> } {
  const values: FormValues = {};
  const sent: Record<string, string | string[]> = {};
  let n = 0;
  for (const [key, raw] of formData.entries()) {
    // The framework's own fields (action id, bound arguments) are not the form's.
    if (key.startsWith('$') || typeof raw !== 'string') continue;
    if (++n > MAX_FIELDS) break;
    if (!/password/i.test(key)) {
      const had = sent[key];
      sent[key] = had === undefined ? raw : Array.isArray(had) ? [...had, raw] : [had, raw];
    }
    setPath(values, key.split('.'), raw);
  }
  return { values: toArrays(values) as FormValues, sent };
}

function setPath(target: Record<string, unknown>, parts: string[], value: string) {
  let node = target;
  for (const [i, part] of parts.entries()) {
    if (part === '__proto__' || part === 'constructor' || part === 'prototype') return;
    if (i === parts.length - 1) {
      const existing = node[part];
      // Several fields of one name (a group of checkboxes) arrive as a list.
      node[part] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
      return;
    }
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
}

/** Objects whose keys are all indexes (0, 1, 2…) become arrays, in index order. */
function toArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toArrays(v)] as const);
  if (entries.length && entries.every(([k]) => /^\d{1,3}$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/** A value at a dotted path of an object ("contacts.0.name"), or undefined. */
export function valueAt(source: unknown, name: string): unknown {
  let node = source;
  for (const part of name.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
