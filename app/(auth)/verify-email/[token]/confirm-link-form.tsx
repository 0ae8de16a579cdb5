'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { PendingButton } from '@/app/_components/pending-button';
import { confirmEmailLinkAction, type ConfirmOutcome } from '../actions';

const OUTCOMES: Record<ConfirmOutcome['status'], { title: string; body: (email?: string) => React.ReactNode }> = {
  verified: {
    title: 'Your e-mail is confirmed',
    body: (email) => (
      <>
        Thanks: <strong className="break-all">{email}</strong> is confirmed. Invitations and reminders will reach you there.
      </>
    ),
  },
  changed: {
    title: 'Your e-mail address was changed',
    body: (email) => (
      <>
        Your account now uses <strong className="break-all">{email}</strong>. Sign in with it from now on.
      </>
    ),
  },
  taken: {
    title: 'That address is already in use',
    body: () => 'Another account uses this address now, so your address was not changed. Choose another one in your account settings.',
  },
  invalid: {
    title: 'This link no longer works',
    body: () => 'It was used or expired in the meantime. Ask for a new one from your account.',
  },
};

/** The button that uses a confirmation link; works before the page's script has loaded. */
export function ConfirmLinkForm({ token, email, change }: { token: string; email: string; change: boolean }) {
  const [outcome, formAction, pending] = useActionState(async () => confirmEmailLinkAction(token), null);
  if (outcome) {
    const shown = OUTCOMES[outcome.status];
    return (
      <>
        <h1 className="text-2xl font-bold">{shown.title}</h1>
        <p role="status" className="mt-2 text-stone-700">
          {shown.body(outcome.email)}
        </p>
        <p className="mt-6">
          <Link className="btn-primary" href={outcome.home}>
            {outcome.homeLabel}
          </Link>
        </p>
      </>
    );
  }
  return (
    <form action={formAction} aria-labelledby="confirm-title">
      <h1 id="confirm-title" className="text-2xl font-bold">
        {change ? 'Use this address for your account?' : 'Confirm your e-mail address'}
      </h1>
      <p className="mt-2 text-stone-700">
        {change ? 'Your Groundwork account will use ' : 'Confirm that '}
        <strong className="break-all">{email}</strong>
        {change ? ' from now on.' : ' is your address.'}
      </p>
      <PendingButton className="btn-primary mt-6 w-full" pending={pending} pendingLabel="Confirming…">
        {change ? 'Use this address' : 'Confirm my address'}
      </PendingButton>
    </form>
  );
}
