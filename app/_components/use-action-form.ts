'use client';

import { useEffect, useRef, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';

type Result<T> = { ok: true; data: T } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * react-hook-form wired to a server action: the same zod schema validates in the browser and on
 * the server, and server field errors land on their fields.
 *
 * Pass the schema as a loader (`() => import('@/lib/schemas/x').then((m) => m.schema)`) to keep
 * zod out of the page's first download: it is fetched when the person starts typing.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  defaultValues,
  action,
  onSuccess,
}: {
  schema: S | (() => Promise<S>);
  defaultValues: DefaultValues<z.input<S>>;
  /** Receives the form's values plus an idempotency key that stays the same until a submission succeeds. */
  action: (values: z.input<S> & { idempotencyKey?: string }) => Promise<Result<T>>;
  onSuccess?: (data: T) => void | Promise<void>;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: lazyZodResolver(schema) as never,
    defaultValues,
    // Validating on blur moved the layout under a pointer about to click submit; check on submit, then live.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
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
      setFormError('Something went wrong. Check your connection and try again.');
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
    errors: form.formState.errors,
    submitting,
    /** Spread on the <form>: starts loading the validator as soon as a field gets focus. */
    preload: { onFocusCapture: () => void loadValidator(schema) },
  };
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
