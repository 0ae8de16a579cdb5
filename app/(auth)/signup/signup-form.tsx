'use client';

import { useState } from 'react';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { PASSWORD_MIN } from '@/lib/schemas/limits';
import { signUpAction } from '../actions';

export function SignUpForm({ next }: { next: string }) {
  const [checkEmail, setCheckEmail] = useState(false);
  const { form, onSubmit, formError, errors, submitting, preload } = useActionForm({
    schema: () => import('@/lib/schemas/auth').then((m) => m.signUpSchema),
    defaultValues: { name: '', email: '', password: '' },
    action: (values) => signUpAction({ ...values, next }),
    onSuccess: (data) => {
      if ('redirectTo' in data) window.location.assign(data.redirectTo);
      else setCheckEmail(true);
    },
  });
  if (checkEmail) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800">
        <p className="font-semibold">Check your e-mail to continue.</p>
        <p className="mt-1 text-sm">We sent a message to {form.getValues('email')} with what to do next.</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} {...preload} noValidate className="mt-6 space-y-4" aria-label="Create your account">
      <FormError message={formError} />
      <Field id="name" label="Name" error={errors.name?.message}>
        {(a) => <input {...a} {...form.register('name')} autoComplete="name" className="input" />}
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        {(a) => <input {...a} {...form.register('email')} type="email" autoComplete="email" className="input" />}
      </Field>
      <Field
        id="password"
        label="Password"
        hint={`At least ${PASSWORD_MIN} characters. A long phrase is easiest to remember.`}
        error={errors.password?.message}
      >
        {(a) => <input {...a} {...form.register('password')} type="password" autoComplete="new-password" className="input" />}
      </Field>
      <button type="submit" className="btn-primary w-full" disabled={submitting}>
        {submitting ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
