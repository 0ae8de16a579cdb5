'use client';

import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { PASSWORD_MIN } from '@/lib/schemas/limits';
import { resetPasswordAction, resetPasswordFormAction } from './actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const { formProps, field, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.resetPasswordSchema),
    formAction: resetPasswordFormAction,
    defaultValues: { token, password: '' },
    action: resetPasswordAction,
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <form {...formProps} noValidate className="mt-6 space-y-4" aria-label="Choose a new password">
      <FormError message={formError ?? errors.token?.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label="New password"
        hint={`At least ${PASSWORD_MIN} characters. A long phrase is easiest to remember.`}
        error={errors.password?.message}
      >
        {(a) => <input {...a} {...field('password')} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={submitting}>
        {submitting ? 'Saving…' : 'Save new password'}
      </button>
    </form>
  );
}
