'use client';

import { useState } from 'react';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { PASSWORD_MIN } from '@/lib/schemas/limits';
import {
  changeEmailAction,
  changeEmailFormAction,
  changeNameAction,
  changeNameFormAction,
  changePasswordAction,
  changePasswordFormAction,
} from '../actions';

function Saved({ show, children }: { show: boolean; children: React.ReactNode }) {
  return (
    <p role="status" className="text-sm text-brand-700">
      {show ? children : ''}
    </p>
  );
}

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
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save name'}
        </button>
        <Saved show={saved && !submitting}>Saved.</Saved>
      </div>
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
      <Field id="emailCurrentPassword" label="Current password" error={errors.currentPassword?.message}>
        {(a) => (
          <input {...a} {...field('currentPassword')} type="password" autoComplete="current-password" className="input" />
        )}
      </Field>
      <button type="submit" className="btn-primary" disabled={submitting}>
        {submitting ? 'Sending…' : 'Send confirmation link'}
      </button>
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
      <Field id="passwordCurrentPassword" label="Current password" error={errors.currentPassword?.message}>
        {(a) => (
          <input {...a} {...field('currentPassword')} type="password" autoComplete="current-password" className="input" />
        )}
      </Field>
      <Field
        id="newPassword"
        label="New password"
        hint={`At least ${PASSWORD_MIN} characters. A long phrase is easiest to remember.`}
        error={errors.newPassword?.message}
      >
        {(a) => <input {...a} {...field('newPassword')} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Change password'}
        </button>
        <Saved show={saved && !submitting}>Password changed. Your other devices were signed out.</Saved>
      </div>
    </form>
  );
}
