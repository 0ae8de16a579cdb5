'use client';

import Link from 'next/link';
import { Field, FormError, PasswordField } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
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
      <PasswordField id="password" label="Password" kind="current" error={errors.password?.message} {...field('password')} />
      <p className="text-sm">
        <Link href="/forgot-password" className="link">
          Forgot your password?
        </Link>
      </p>
      <PendingButton pending={submitting} pendingLabel="Signing in…" className="btn-primary w-full">
        Sign in
      </PendingButton>
    </form>
  );
}
