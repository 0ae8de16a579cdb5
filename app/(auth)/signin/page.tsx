import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/schemas/auth';
import { getCurrentUser } from '@/lib/session';
import { landingFor } from '@/lib/workspace';
import { OutboxStatus } from '@/app/_components/outbox-status';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

const NOTICES = {
  reset: 'Your password was changed and every device was signed out. Sign in with the new password.',
  'signed-out-everywhere': 'You were signed out on every device.',
} as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; notice?: string; deleted?: string }>;
}) {
  const { next, notice, deleted } = await searchParams;
  if (deleted === '1') return <AccountDeleted />;
  const nextPath = safeNextPath(next);
  const user = await getCurrentUser();
  if (user) redirect(nextPath !== '/' ? nextPath : await landingFor(user.id));
  const noticeText = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null;
  return (
    <>
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 text-stone-600">Welcome back. See which efforts are paying off.</p>
      {/* Records logged while signed out wait on the phone; signing in sends them. */}
      <OutboxStatus signInHref="#email" />
      {noticeText ? (
        <p role="status" className="mt-4 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {noticeText}
        </p>
      ) : null}
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

/** Where a deleted account lands: signed out, with nothing of theirs left. */
function AccountDeleted() {
  return (
    <>
      <h1 className="text-2xl font-bold">Your account was deleted</h1>
      <p className="mt-2 text-stone-700">
        Your account, the workspaces only you used and everything in them are gone, and you are signed out. Thank you for
        trying Groundwork.
      </p>
      <p className="mt-6 flex flex-wrap gap-3">
        <Link className="btn-secondary" href="/signup">
          Create a new account
        </Link>
        <Link className="btn-secondary" href="/">
          Home
        </Link>
      </p>
    </>
  );
}
