'use client';

import { useActionState, useEffect, useRef, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type RegisterOptions, type Resolver } from 'react-hook-form';
import { CONNECTION_ERROR } from './use-button-action';
import { valueAt, type FormState } from '@/lib/form-data';
import type { z } from 'zod';

type Result<T> = { ok: true; data: T } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * react-hook-form wired to a server action: the same zod schema validates in the browser and on
 * the server, and server field errors land on their fields.
 *
 * Pass the schema as a loader (`() => import('@/lib/schemas/x').then((m) => m.schema)`) to keep
 * zod out of the page's first download: it is fetched when the person starts typing.
 *
 * Pass `formAction` (the same action taking FormData, from `workspaceFormAction`) and spread
 * `formProps` on the <form> and `field(name)` / `checkbox(name)` on its controls: the saved values
 * are then in the server's HTML and the form posts to the server before the script has loaded,
 * answering with its errors on the same page.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  defaultValues,
  action,
  onSuccess,
  formAction,
}: {
  schema: S | (() => Promise<S>);
  defaultValues: DefaultValues<z.input<S>>;
  /** Receives the form's values plus an idempotency key that stays the same until a submission succeeds. */
  action: (values: z.input<S> & { idempotencyKey?: string }) => Promise<Result<T>>;
  onSuccess?: (data: T) => void | Promise<void>;
  formAction?: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  // Only a form posted before the script ran fills this: with the script, react-hook-form submits.
  const [posted, dispatch] = useActionState(formAction ?? noFormAction, null);
  // A refused post shows what was sent; a saved one shows what the server now holds, so a form that
  // stays on its page after adding a record starts empty again.
  const initial = (posted && !posted.ok && posted.sent ? withSent(defaultValues, posted.sent) : defaultValues) as DefaultValues<z.input<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: lazyZodResolver(schema) as never,
    defaultValues: initial,
    // Validating on blur moved the layout under a pointer about to click submit; check on submit, then live.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [formError, setFormError] = useState<string | undefined>(posted && !posted.ok ? (posted.fieldErrors?._form?.[0] ?? posted.formError) : undefined);
  const [saved, setSaved] = useState(Boolean(posted?.ok));
  // One key per attempt to save: a retried or double-sent submission is done once on the server.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);

  // The button that sent the form, to give the focus back to once it is enabled again.
  const submitter = useRef<HTMLElement | null>(null);

  const submit = form.handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    let result: Result<T>;
    try {
      // The raw values go to the server, which parses them again with the same schema.
      result = await action({ ...form.getValues(), idempotencyKey });
    } catch {
      setFormError(CONNECTION_ERROR);
      return;
    }
    if (result.ok) {
      setIdempotencyKey(newKey());
      setSaved(true);
      await onSuccess?.(result.data);
      return;
    }
    let focused = false;
    for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (name === '_form') continue;
      form.setError(name as Path<z.input<S>>, { type: 'server', message: messages[0] }, { shouldFocus: !focused });
      focused = true;
    }
    const formLevel = result.fieldErrors?._form?.[0];
    setFormError(formLevel ?? result.formError);
  });

  const onSubmit = (event?: BaseSyntheticEvent) => {
    const sender = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
    submitter.current = sender instanceof HTMLElement ? sender : null;
    return submit(event);
  };

  const submitting = form.formState.isSubmitting;
  const clientErrors = form.formState.errors;
  // The server's answer to a post made before the script ran, until the form is checked here.
  const errors = (Object.keys(clientErrors).length || form.formState.submitCount ? clientErrors : nestErrors(posted?.fieldErrors)) as FieldErrors<z.input<S>>;
  const preload = { onFocusCapture: () => void loadValidator(schema) };
  // A button disabled while sending drops the focus to the page, and a keyboard user would start
  // again from the top. Once it is enabled again it gets the focus back, unless the result (an error
  // on a field, a message, the next field to fill) has taken it on purpose.
  useEffect(() => {
    const sender = submitter.current;
    if (submitting || !sender) return;
    submitter.current = null;
    if (sender.isConnected && (document.activeElement === null || document.activeElement === document.body)) sender.focus();
  }, [submitting]);

  return {
    form,
    onSubmit,
    formError,
    saved,
    errors,
    submitting,
    /** Spread on the <form>: starts loading the validator as soon as a field gets focus. */
    preload,
    /** Spread on the <form>: posts to the server action without the script, submits through react-hook-form with it. */
    formProps: { ...preload, onSubmit, ...(formAction ? { action: dispatch } : {}) },
    /** A text field or select registered with its value in the server's HTML. */
    field: (name: Path<z.input<S>>, options?: RegisterOptions<z.input<S>>) => ({ ...form.register(name, options as never), defaultValue: textOf(valueAt(initial, name)) }),
    /**
     * A checkbox registered with its state in the server's HTML; with `value`, one box of a group
     * whose field holds the list of ticked values.
     */
    checkbox: (name: Path<z.input<S>>, value?: string) => {
      const held = valueAt(initial, name);
      if (value === undefined) return { ...form.register(name), defaultChecked: held === true };
      return { ...form.register(name), value, defaultChecked: Array.isArray(held) && held.includes(value) };
    },
    /** A radio button registered with its choice in the server's HTML. */
    radio: (name: Path<z.input<S>>, value: string) => ({ ...form.register(name), value, defaultChecked: valueAt(initial, name) === value }),
    /** The answer to a post made before the script ran (null until then), e.g. to show what it created. */
    posted,
  };
}

async function noFormAction(state: FormState): Promise<FormState> {
  return state;
}

function textOf(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * The form's defaults with what was posted: a sent text replaces it, a checkbox is ticked only if
 * sent, and a list of plain values (a group of checkboxes) holds exactly the ticked ones.
 */
function withSent(defaults: unknown, sent: Record<string, string | string[]>, prefix = ''): unknown {
  const name = prefix.slice(0, -1);
  if (Array.isArray(defaults) && defaults.every((v) => typeof v !== 'object' || v === null)) {
    const ticked = sent[name];
    return ticked === undefined ? [] : Array.isArray(ticked) ? ticked : [ticked];
  }
  if (Array.isArray(defaults)) return defaults.map((v, i) => withSent(v, sent, `${prefix}${i}.`));
  if (typeof defaults === 'object' && defaults !== null) {
    return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, withSent(v, sent, `${prefix}${k}.`)]));
  }
  if (typeof defaults === 'boolean') return Object.hasOwn(sent, name);
  if (!Object.hasOwn(sent, name)) return defaults;
  const value = sent[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Dotted field errors from the server as react-hook-form's nested error objects. */
function nestErrors(fieldErrors: Record<string, string[]> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
    if (name === '_form' || !messages[0]) continue;
    const parts = name.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = { type: 'server', message: messages[0] };
  }
  return out;
}

type Validator = (values: FieldValues, context: unknown, options: never) => Promise<unknown>;
const validators = new WeakMap<object, Promise<Validator>>();

/** The zod resolver for a schema or schema loader, fetched once and cached. */
function loadValidator(schema: z.ZodType | (() => Promise<z.ZodType>)): Promise<Validator> {
  let pending = validators.get(schema);
  if (!pending) {
    pending = Promise.all([
      typeof schema === 'function' ? (schema as () => Promise<z.ZodType>)() : Promise.resolve(schema),
      import('@hookform/resolvers/zod'),
    ])
      .then(([resolved, { zodResolver }]) => zodResolver(resolved as never) as unknown as Validator)
      .catch(() => {
        // Offline before the validator was ever fetched: the server checks the values when they are
        // sent, and the next attempt tries the download again.
        validators.delete(schema);
        return (async (values: FieldValues) => ({ values, errors: {} })) as Validator;
      });
    validators.set(schema, pending);
  }
  return pending;
}

function lazyZodResolver(schema: z.ZodType | (() => Promise<z.ZodType>)): Resolver<FieldValues> {
  return (async (values, context, options) => (await loadValidator(schema))(values, context, options as never)) as Resolver<FieldValues>;
}

/** A fresh idempotency key; older browsers without randomUUID send none. */
function newKey(): string | undefined {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : undefined;
}
