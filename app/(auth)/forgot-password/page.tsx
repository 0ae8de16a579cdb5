import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      <p className="mt-1 text-stone-600">Enter the address you signed up with and we will e-mail you a link to choose a new one.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm text-stone-700">
        Remembered it?{' '}
        <Link className="link" href="/signin">
          Sign in
        </Link>
      </p>
    </>
  );
}
