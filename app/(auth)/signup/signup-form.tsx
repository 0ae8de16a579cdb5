'use client';

import { useState } from 'react';
import { Field, FormError, PasswordField } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { signUpAction, signUpFormAction } from '../actions';

export function SignUpForm({ next }: { next: string }) {
  // Set when the new account goes on to its workspace, so the page does not say "check your e-mail" meanwhile.
  const [leaving, setLeaving] = useState(false);
  const { form, formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/auth').then((m) => m.signUpSchema),
    formAction: signUpFormAction,
    defaultValues: { name: '', email: '', password: '' },
    action: (values) => signUpAction({ ...values, next }),
    onSuccess: (data) => {
      if (!('redirectTo' in data)) return;
      setLeaving(true);
      window.location.assign(data.redirectTo);
    },
  });
  // A success that stays on this page (with or without the script) is an address to check.
  if (saved && !leaving) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800">
        <p className="font-semibold">Check your e-mail to continue.</p>
        <p className="mt-1 text-sm">We sent a message to {form.getValues('email')} with what to do next.</p>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate className="mt-6 space-y-4" aria-label="Create your account">
      <FormError message={formError} />
      <input type="hidden" name="next" value={next} />
      <Field id="name" label="Name" error={errors.name?.message}>
        {(a) => <input {...a} {...field('name')} autoComplete="name" className="input" />}
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        {(a) => <input {...a} {...field('email')} type="email" autoComplete="email" className="input" />}
      </Field>
      <PasswordField id="password" label="Password" kind="new" error={errors.password?.message} {...field('password')} />
      <PendingButton pending={submitting} pendingLabel="Creating your account…" className="btn-primary w-full">
        Create account
      </PendingButton>
    </form>
  );
}
