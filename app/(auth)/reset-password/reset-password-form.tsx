'use client';

import { FormError, PasswordField } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
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
      <PasswordField id="password" label="New password" kind="new" error={errors.password?.message} {...field('password')} />
      <PendingButton pending={submitting} pendingLabel="Saving…" className="btn-primary w-full">
        Save new password
      </PendingButton>
    </form>
  );
}
