'use client';

import { Field, FormError } from '@/app/_components/field';
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
      <Field id="password" label="Your password" hint="To make sure it is you." error={errors.password?.message}>
        {(a) => <input {...a} {...field('password')} type="password" autoComplete="current-password" className="input" />}
      </Field>
      <button type="submit" className="btn-danger" disabled={submitting}>
        {submitting ? 'Deleting…' : 'Delete my account and data'}
      </button>
    </form>
  );
}
