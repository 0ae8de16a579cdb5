/** What a quick path's form shows after a submission: the outcome, its messages, and the values to keep. */
export interface QuickFormState {
  status: 'idle' | 'saved' | 'kept' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values: Record<string, string | string[]>;
  /** Counts submissions, so the form remounts with the values each result carries. */
  n: number;
}

export const IDLE: QuickFormState = { status: 'idle', values: {}, n: 0 };

/** A form's fields as plain values: a repeated name becomes a list. Files are never part of a quick path. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION')) continue;
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}
