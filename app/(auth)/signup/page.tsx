import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/session';
import { safeNextPath } from '@/lib/schemas/auth';
import { landingFor } from '@/lib/workspace';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(await landingFor(user.id));
  const nextPath = safeNextPath(next);
  return (
    <>
      <h1 className="text-2xl font-bold">Create your account</h1>
      <p className="mt-1 text-stone-600">
        Log what you put into each networking channel and what comes back. Groundwork rates every channel.
      </p>
      <SignUpForm next={nextPath} />
      <p className="mt-6 text-sm text-stone-700">
        Already have an account?{' '}
        <Link className="link" href={nextPath !== '/' ? `/signin?next=${encodeURIComponent(nextPath)}` : '/signin'}>
          Sign in
        </Link>
      </p>
    </>
  );
}
