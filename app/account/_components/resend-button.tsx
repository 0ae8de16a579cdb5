'use client';

import { PendingButton } from '@/app/_components/pending-button';
import { REFUSED_ERROR, useButtonAction } from '@/app/_components/use-button-action';
import { resendVerificationAction } from '../actions';

export function ResendButton() {
  const { pending, message, run } = useButtonAction();
  const resend = async () => {
    const result = await resendVerificationAction({});
    if (!result.ok) return result.formError ?? REFUSED_ERROR;
    return result.data.status === 'already_verified' ? 'Your e-mail is already confirmed. Reload the page.' : 'Sent. Check your inbox.';
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <PendingButton type="button" className="btn-secondary" pending={pending} pendingLabel="Sending…" onClick={() => run(resend)}>
        Send a new link
      </PendingButton>
      {/* Rendered only with a message, so the page's own status line stays the only one. */}
      {message ? (
        <p role="status" className="text-sm font-medium">
          {message}
        </p>
      ) : null}
    </div>
  );
}
