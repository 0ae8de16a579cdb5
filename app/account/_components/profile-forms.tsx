'use client';

import { useState } from 'react';
import { Field, FormError, PasswordField } from '@/app/_components/field';
import { PendingButton, SaveButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import {
  changeEmailAction,
  changeEmailFormAction,
  changeNameAction,
  changeNameFormAction,
  changePasswordAction,
  changePasswordFormAction,
} from '../actions';

export function ChangeNameForm({ name }: { name: string }) {
  const { formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.changeNameSchema),
    formAction: changeNameFormAction,
    defaultValues: { name },
    action: changeNameAction,
  });
  return (
    <form {...formProps} noValidate className="mt-4 space-y-4" aria-label="Change name">
      <FormError message={formError} />
      <Field id="name" label="Name" error={errors.name?.message}>
        {(a) => <input {...a} {...field('name')} autoComplete="name" className="input" />}
      </Field>
      <SaveButton submitting={submitting} saved={saved}>
        Save name
      </SaveButton>
    </form>
  );
}

export function ChangeEmailForm({ pending }: { pending: string | null }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.changeEmailSchema),
    formAction: changeEmailFormAction,
    defaultValues: { newEmail: '', currentPassword: '' },
    action: changeEmailAction,
    onSuccess: ({ pendingEmail }: { pendingEmail: string }): void => {
      setSentTo(pendingEmail);
      form.reset({ newEmail: '', currentPassword: '' });
    },
  });
  const waiting = sentTo ?? pending;
  return (
    <form {...formProps} noValidate className="mt-4 space-y-4" aria-label="Change e-mail address">
      <FormError message={formError} />
      {waiting ? (
        <p role="status" className="rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          We sent a link to <span className="break-all font-medium">{waiting}</span>. Open it to switch to that address; until
          then your current address stays.
        </p>
      ) : null}
      <Field id="newEmail" label="New e-mail address" error={errors.newEmail?.message}>
        {(a) => <input {...a} {...field('newEmail')} type="email" autoComplete="email" className="input" />}
      </Field>
      <PasswordField id="emailCurrentPassword" label="Current password" kind="current" error={errors.currentPassword?.message} {...field('currentPassword')} />
      <PendingButton pending={submitting} pendingLabel="Sending…">
        Send confirmation link
      </PendingButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const { form, formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/account').then((m) => m.changePasswordSchema),
    formAction: changePasswordFormAction,
    defaultValues: { currentPassword: '', newPassword: '' },
    action: changePasswordAction,
    onSuccess: (): void => form.reset({ currentPassword: '', newPassword: '' }),
  });
  return (
    <form {...formProps} noValidate className="mt-4 space-y-4" aria-label="Change password">
      <FormError message={formError} />
      <PasswordField id="passwordCurrentPassword" label="Current password" kind="current" error={errors.currentPassword?.message} {...field('currentPassword')} />
      <PasswordField id="newPassword" label="New password" kind="new" error={errors.newPassword?.message} {...field('newPassword')} />
      <SaveButton submitting={submitting} saved={saved} savedLabel="Password changed. Your other devices were signed out.">
        Change password
      </SaveButton>
    </form>
  );
}
