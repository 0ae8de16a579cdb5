import type { Metadata } from 'next';
import Link from 'next/link';
import { peekEmailToken } from '@/lib/data/email-tokens';
import { ResetPasswordForm } from '../reset-password-form';

// The token is in the path: keep it out of Referer headers to other sites. Not no-referrer: a form posted
// without the script would then send Origin: null and be refused as cross-site.
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'same-origin', robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Only looked at here; the link is used up when the new password is saved, not when a mail scanner opens it.
  const grant = await peekEmailToken(token, 'reset_password');
  if (!grant) {
    return (
      <>
        <h1 className="text-2xl font-bold">This link no longer works</h1>
        <p className="mt-2 text-stone-700">
          Reset links work once and expire after 1 hour. Ask for a new one and use the newest mail.
        </p>
        <p className="mt-6">
          <Link className="btn-primary" href="/forgot-password">
            Ask for a new link
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <p className="mt-1 text-stone-600">
        For <span className="break-all font-medium">{grant.email}</span>. Every device signed in to this account will be signed
        out.
      </p>
      <ResetPasswordForm token={token} />
    </>
  );
}
