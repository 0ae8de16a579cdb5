'use client';

import type { ReactNode } from 'react';
import type { z } from 'zod';
import { Field, FormError } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import type { FormState } from '@/lib/form-data';

type EmailSchema = z.ZodType<{ email: string }, { email: string }>;
type Result = { ok: true; data: unknown } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * Asks for an address to mail a link to; once sent it says so with `sent`, in words that never
 * tell whether the address has an account.
 */
export function EmailLinkForm({
  schema,
  action,
  formAction,
  label,
  submitLabel,
  className,
  sent,
}: {
  schema: () => Promise<EmailSchema>;
  action: (values: { email: string }) => Promise<Result>;
  /** The same action taking FormData, so the form posts before the script has run. */
  formAction: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  className: string;
  /** What to show once the link is on its way, given the address it went to. */
  sent: (email: string) => ReactNode;
}) {
  const { form, formProps, field, formError, errors, submitting, saved } = useActionForm({ schema, formAction, defaultValues: { email: '' }, action });
  if (saved) return sent(form.getValues('email'));
  return (
    <form {...formProps} noValidate className={`${className} space-y-4`} aria-label={label}>
      <FormError message={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        {(a) => <input {...a} {...field('email')} type="email" autoComplete="email" className="input" />}
      </Field>
      <PendingButton pending={submitting} pendingLabel="Sending…" className="btn-primary w-full">
        {submitLabel}
      </PendingButton>
    </form>
  );
}
