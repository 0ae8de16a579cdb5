'use client';

import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { PASSWORD_MIN, signUpSchema } from '@/lib/schemas/auth';
import { signUpAction } from '../actions';

export function SignUpForm() {
  const { form, onSubmit, formError, errors, submitting } = useActionForm({
    schema: signUpSchema,
    defaultValues: { name: '', email: '', password: '' },
    action: signUpAction,
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4" aria-label="Create your account">
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
