'use client';

import Link from 'next/link';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { signInAction, signInFormAction } from '../actions';

export function SignInForm({ next }: { next: string }) {
  const { formProps, field, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/auth').then((m) => m.signInSchema),
    formAction: signInFormAction,
    defaultValues: { email: '', password: '' },
    action: (values) => signInAction({ ...values, next }),
    onSuccess: ({ redirectTo }) => {
      // A full load so every server component sees the new session.
      window.location.assign(redirectTo === '/' ? '/' : redirectTo);
    },
  });
  return (
    <form {...formProps} noValidate className="mt-6 space-y-4" aria-label="Sign in">
      <FormError message={formError} />
      <input type="hidden" name="next" value={next} />
      <Field id="email" label="Email" error={errors.email?.message}>
        {(a) => <input {...a} {...field('email')} type="email" autoComplete="email" className="input" />}
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        {(a) => <input {...a} {...field('password')} type="password" autoComplete="current-password" className="input" />}
      </Field>
      <p className="text-sm">
        <Link href="/forgot-password" className="link">
          Forgot your password?
        </Link>
      </p>
      <button type="submit" className="btn-primary w-full" disabled={submitting}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
