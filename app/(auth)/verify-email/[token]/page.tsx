import type { Metadata } from 'next';
import Link from 'next/link';
import { isEmailVerified } from '@/lib/data/accounts/profile';
import { peekEmailToken } from '@/lib/data/email-tokens';
import { getCurrentUser } from '@/lib/session';
import { landingFor } from '@/lib/workspace';
import { RequestLinkForm } from '../request-link-form';
import { ConfirmLinkForm } from './confirm-link-form';

// The token is in the path: keep it out of Referer headers to other sites. Not no-referrer: a form posted
// without the script would then send Origin: null and be refused as cross-site.
export const metadata: Metadata = { title: 'Confirm your e-mail', referrer: 'same-origin', robots: { index: false } };

/** Opening the mailed link changes nothing (mail scanners open links): the button confirms. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const verify = await peekEmailToken(token, 'verify_email');
  const change = verify ? null : await peekEmailToken(token, 'change_email');
  const grant = verify ?? change;
  if (grant) return <ConfirmLinkForm token={token} email={grant.email} change={Boolean(change)} />;

  const user = await getCurrentUser();
  if (user && (await isEmailVerified(user.id))) {
    return (
      <>
        <h1 className="text-2xl font-bold">Your e-mail is already confirmed</h1>
        <p className="mt-2 text-stone-700">This link was used before, and there is nothing more to do.</p>
        <p className="mt-6">
          <Link className="btn-primary" href={await landingFor(user.id)}>
            Go to your workspace
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">This link no longer works</h1>
      <p className="mt-2 text-stone-700">
        It may have expired (links last 24 hours), been used already, or been copied only in part.
      </p>
      {user ? (
        <p className="mt-4">
          <Link className="link" href="/account">
            Send a new link from your account
          </Link>
        </p>
      ) : (
        <RequestLinkForm />
      )}
    </>
  );
}
