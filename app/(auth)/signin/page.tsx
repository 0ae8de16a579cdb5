import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/schemas/auth';
import { getCurrentUser } from '@/lib/session';
import { landingFor } from '@/lib/workspace';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(next);
  const user = await getCurrentUser();
  if (user) redirect(nextPath !== '/' ? nextPath : await landingFor(user.id));
  return (
    <>
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 text-stone-600">Welcome back. See which efforts are paying off.</p>
      <SignInForm next={nextPath} />
      <p className="mt-6 text-sm text-stone-700">
        New here?{' '}
        <Link className="link" href={nextPath !== '/' ? `/signup?next=${encodeURIComponent(nextPath)}` : '/signup'}>
          Create an account
        </Link>
      </p>
    </>
  );
}
