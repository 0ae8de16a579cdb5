'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { Field, FormError } from '@/app/_components/field';
import { keepAndSend, requestBackgroundSync } from '@/app/_components/outbox';
import { submitQuickPathAction } from '../actions';
import { formValues, IDLE, type QuickFormState } from '../form-state';

export type QuickFieldSpec =
  | {
      name: string;
      label: string;
      type: 'text' | 'textarea' | 'date' | 'number' | 'decimal';
      hint?: string;
      required?: boolean;
      /** "today" is the phone's own today. */
      defaultValue?: string;
      max?: number;
      list?: string[];
    }
  | { name: string; label: string; type: 'checkbox'; hint?: string }
  | {
      name: string;
      label: string;
      type: 'choice';
      hint?: string;
      options: { value: string; label: string }[];
      defaultValue?: string;
      required?: boolean;
    };

/** Today in the phone's own calendar, which is the day the person means. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A quick path's form. Without script it posts to its server action and shows the result; with
 * script each record goes to the phone's outbox first and is sent from there, so a lost network
 * keeps it instead of losing it.
 */
export function QuickPathForm({
  kind,
  workspaceId,
  label,
  fields,
  today,
  describe,
  savedText,
}: {
  kind: string;
  workspaceId: string;
  label: string;
  fields: QuickFieldSpec[];
  /** The server's today, used until the phone's own is known. */
  today: string;
  /** The outbox label of a record, from its values. */
  describe: { field: string; prefix: string };
  savedText: string;
}) {
  const [serverState, formAction] = useActionState(submitQuickPathAction, IDLE);
  const [local, setLocal] = useState<QuickFormState | null>(null);
  const [sending, setSending] = useState(false);
  const state = local && local.n >= serverState.n ? local : serverState;
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Set when the outbox is unavailable, so the next submit goes the plain way, to the server action.
  const plain = useRef(false);

  // The date fields start at the phone's today, which may differ from the server's.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const f of fields) {
      if (f.type === 'date' && f.defaultValue === 'today' && !state.values[f.name]) {
        const input = form.elements.namedItem(f.name) as HTMLInputElement | null;
        if (input && input.value === today) input.value = localToday();
      }
    }
  }, [fields, state, today]);

  useEffect(() => {
    if (state.status === 'saved' || state.status === 'kept') statusRef.current?.focus();
  }, [state]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (plain.current) {
      plain.current = false;
      return;
    }
    event.preventDefault();
    if (sending) return;
    const values = formValues(new FormData(event.currentTarget));
    delete values.quickPath;
    delete values.quickWorkspace;
    const n = Math.max(state.n, serverState.n) + 1;
    const named = String(values[describe.field] ?? '').trim();
    setSending(true);
    try {
      const outcome = await keepAndSend({
        id: crypto.randomUUID(),
        workspaceId,
        kind,
        values,
        label: named ? `${describe.prefix}: ${named}` : describe.prefix,
      });
      if (outcome.status === 'saved') setLocal({ status: 'saved', values: {}, n });
      else if (outcome.status === 'kept' || outcome.status === 'signin') {
        void requestBackgroundSync();
        setLocal({
          status: 'kept',
          message:
            outcome.status === 'signin'
              ? 'Saved on this phone, not sent yet: sign in again and it will be sent.'
              : 'Saved on this phone, not sent yet. It will be sent when the network is back.',
          values: {},
          n,
        });
      } else setLocal({ status: 'error', message: outcome.formError, fieldErrors: outcome.fieldErrors, values, n });
    } catch {
      // No IndexedDB (a private window on some browsers): post the form the plain way.
      setSending(false);
      plain.current = true;
      formRef.current?.requestSubmit();
      return;
    }
    setSending(false);
  }

  const value = (name: string, fallback = '') => {
    const v = state.values[name];
    return typeof v === 'string' ? v : fallback;
  };
  const errorOf = (name: string) => state.fieldErrors?.[name]?.[0];
  // A message for a field this form does not show still reaches the person.
  const unplaced = Object.entries(state.fieldErrors ?? {})
    .filter(([name]) => !fields.some((f) => f.name === name))
    .map(([, messages]) => messages[0]);

  return (
    <form
      ref={formRef}
      key={state.n}
      action={formAction}
      onSubmit={onSubmit}
      aria-label={label}
      className="space-y-5"
    >
      <input type="hidden" name="quickPath" value={kind} />
      <input type="hidden" name="quickWorkspace" value={workspaceId} />
      {state.status === 'saved' || state.status === 'kept' ? (
        <p
          ref={statusRef}
          tabIndex={-1}
          role="status"
          className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 font-medium text-brand-800"
        >
          {state.status === 'saved' ? savedText : state.message}
        </p>
      ) : null}
      <FormError
        message={state.status === 'error' ? [state.message ?? 'Some fields need attention.', ...unplaced].join(' ') : undefined}
      />
      {fields.map((f) => {
        const error = errorOf(f.name);
        if (f.type === 'checkbox') {
          return (
            <label key={f.name} className="flex min-h-11 items-center gap-3">
              <input
                type="checkbox"
                name={f.name}
                defaultChecked={value(f.name) === 'on'}
                className="h-5 w-5 accent-brand-700"
                aria-invalid={Boolean(error)}
              />
              <span className="font-medium">{f.label}</span>
            </label>
          );
        }
        if (f.type === 'choice') {
          const chosen = value(f.name, f.defaultValue ?? '');
          return (
            <fieldset key={f.name} aria-describedby={error ? `${f.name}-error` : undefined}>
              <legend className="text-sm font-medium text-stone-800">{f.label}</legend>
              {f.hint ? <p className="text-sm text-stone-600">{f.hint}</p> : null}
              <div className="mt-2 flex flex-wrap gap-2">
                {f.options.map((o) => (
                  <label
                    key={o.value}
                    className="flex min-h-11 cursor-pointer items-center gap-2 rounded-full border-2 border-stone-200 bg-white px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
                  >
                    <input
                      type="radio"
                      name={f.name}
                      value={o.value}
                      defaultChecked={chosen === o.value}
                      required={f.required}
                      className="h-4 w-4 accent-brand-700"
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
              {error ? (
                <p id={`${f.name}-error`} className="mt-1 text-sm font-medium text-red-700">
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        }
        const initial = value(f.name, f.defaultValue === 'today' ? today : (f.defaultValue ?? ''));
        return (
          <Field key={f.name} id={`q-${f.name}`} label={f.label} hint={f.hint} error={error}>
            {(a) =>
              f.type === 'textarea' ? (
                <textarea {...a} name={f.name} defaultValue={initial} rows={3} maxLength={f.max} className="input" />
              ) : (
                <>
                  <input
                    {...a}
                    name={f.name}
                    defaultValue={initial}
                    required={f.required}
                    type={f.type === 'date' ? 'date' : 'text'}
                    inputMode={f.type === 'number' ? 'numeric' : f.type === 'decimal' ? 'decimal' : undefined}
                    maxLength={f.max}
                    list={f.list ? `${f.name}-list` : undefined}
                    autoComplete="off"
                    className="input"
                  />
                  {f.list ? (
                    <datalist id={`${f.name}-list`}>
                      {f.list.map((item) => (
                        <option key={item} value={item} />
                      ))}
                    </datalist>
                  ) : null}
                </>
              )
            }
          </Field>
        );
      })}
      <button type="submit" className="btn-primary min-h-12 w-full text-lg" disabled={sending}>
        {sending ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
