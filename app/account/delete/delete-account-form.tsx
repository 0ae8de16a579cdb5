'use client';

import { FormError, PasswordField } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { deleteAccountAction, deleteAccountFormAction } from '../actions';

export function DeleteAccountForm({ sharedCount }: { sharedCount: number }) {
  const { formProps, field, checkbox, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.deleteAccountSchema),
    formAction: deleteAccountFormAction,
    defaultValues: { password: '', deleteSharedWorkspaces: false },
    action: deleteAccountAction,
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <form {...formProps} noValidate className="mt-4 space-y-4" aria-label="Delete account">
      <FormError message={formError} />
      {sharedCount > 0 ? (
        <label className="flex items-start gap-2 text-stone-800">
          <input type="checkbox" {...checkbox('deleteSharedWorkspaces')} className="mt-1 h-4 w-4" />
          <span>
            Also delete the {sharedCount === 1 ? 'shared workspace' : `${sharedCount} shared workspaces`} I own, for everyone in
            {sharedCount === 1 ? ' it' : ' them'}
          </span>
        </label>
      ) : null}
      <PasswordField
        id="password"
        label="Your password"
        kind="current"
        hint="To make sure it is you."
        error={errors.password?.message}
        {...field('password')}
      />
      <PendingButton pending={submitting} pendingLabel="Deleting…" className="btn-danger">
        Delete my account and data
      </PendingButton>
    </form>
  );
}
