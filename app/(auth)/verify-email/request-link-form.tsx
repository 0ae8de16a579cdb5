'use client';

import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { requestVerificationAction, requestVerificationFormAction } from './actions';

/** Asks for a new confirmation link by address; the answer never says whether the address has an account. */
export function RequestLinkForm() {
  const { formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.resendVerificationSchema),
    formAction: requestVerificationFormAction,
    defaultValues: { email: '' },
    action: requestVerificationAction,
  });
  if (saved) {
    return (
      <p role="status" className="mt-4 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        If that address has an account waiting to be confirmed, a new link is on its way. It expires in 24 hours.
      </p>
    );
  }
  return (
    <form {...formProps} noValidate className="mt-4 space-y-4" aria-label="Send a new confirmation link">
      <FormError message={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        {(a) => <input {...a} {...field('email')} type="email" autoComplete="email" className="input" />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={submitting}>
        {submitting ? 'Sending…' : 'Send a new link'}
      </button>
    </form>
  );
}
