import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmEmailChange, isEmailVerified, verifyEmailWithToken } from '@/lib/data/accounts';
import { getCurrentUser } from '@/lib/session';
import { landingFor } from '@/lib/workspace';
import { RequestLinkForm } from '../request-link-form';

// The token is in the path: keep it out of Referer headers.
export const metadata: Metadata = { title: 'Confirm your e-mail', referrer: 'no-referrer', robots: { index: false } };

/** Opening the mailed link is the confirmation, signed in or not. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const verified = await verifyEmailWithToken(token);
  const changed = verified.status === 'invalid' ? await confirmEmailChange(token) : null;
  const user = await getCurrentUser();
  const home = user ? await landingFor(user.id) : '/signin';
  const homeLabel = user ? 'Go to your workspace' : 'Sign in';

  if (verified.status === 'verified') {
    return (
      <Outcome title="Your e-mail is confirmed" home={home} homeLabel={homeLabel}>
        Thanks: <strong className="break-all">{verified.email}</strong> is confirmed. Invitations and reminders will reach you
        there.
      </Outcome>
    );
  }
  if (changed?.status === 'changed') {
    return (
      <Outcome title="Your e-mail address was changed" home={home} homeLabel={homeLabel}>
        Your account now uses <strong className="break-all">{changed.email}</strong>. Sign in with it from now on.
      </Outcome>
    );
  }
  if (changed?.status === 'taken') {
    return (
      <Outcome title="That address is already in use" home={home} homeLabel={homeLabel}>
        Another account uses this address now, so your address was not changed. Choose another one in your account settings.
      </Outcome>
    );
  }
  if (user && (await isEmailVerified(user.id))) {
    return (
      <Outcome title="Your e-mail is already confirmed" home={home} homeLabel={homeLabel}>
        This link was used before, and there is nothing more to do.
      </Outcome>
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

function Outcome({ title, children, home, homeLabel }: { title: string; children: React.ReactNode; home: string; homeLabel: string }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-stone-700">{children}</p>
      <p className="mt-6">
        <Link className="btn-primary" href={home}>
          {homeLabel}
        </Link>
      </p>
    </>
  );
}
