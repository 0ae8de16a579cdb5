'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';

type Result<T> = { ok: true; data: T } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * react-hook-form wired to a server action: the same zod schema validates in the browser and on
 * the server, and server field errors land on their fields.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  defaultValues,
  action,
  onSuccess,
}: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: z.input<S>) => Promise<Result<T>>;
  onSuccess?: (data: T) => void | Promise<void>;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    // Validating on blur moved the layout under a pointer about to click submit; check on submit, then live.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    let result: Result<T>;
    try {
      // The raw values go to the server, which parses them again with the same schema.
      result = await action(form.getValues());
    } catch {
      setFormError('Something went wrong. Check your connection and try again.');
      return;
    }
    if (result.ok) {
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

  return { form, onSubmit, formError, saved, errors: form.formState.errors, submitting: form.formState.isSubmitting };
}
