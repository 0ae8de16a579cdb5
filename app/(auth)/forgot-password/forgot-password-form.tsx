'use client';

import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { requestPasswordResetAction, requestPasswordResetFormAction } from './actions';

export function ForgotPasswordForm() {
  const { form, formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.forgotPasswordSchema),
    formAction: requestPasswordResetFormAction,
    defaultValues: { email: '' },
    action: requestPasswordResetAction,
  });
  if (saved) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800">
        <p className="font-semibold">Check your e-mail.</p>
        <p className="mt-1 text-sm">
          If {form.getValues('email')} has a Groundwork account, a link to reset the password is on its way. It works once and
          expires in 1 hour.
        </p>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate className="mt-6 space-y-4" aria-label="Reset your password">
      <FormError message={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        {(a) => <input {...a} {...field('email')} type="email" autoComplete="email" className="input" />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={submitting}>
        {submitting ? 'Sending…' : 'Send reset link'}
      </button>
    </form>
  );
}
