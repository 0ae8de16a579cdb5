'use client';

import { useState, useTransition } from 'react';
import { resendVerificationAction } from '../actions';

export function ResendButton() {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            try {
              const result = await resendVerificationAction({});
              if (!result.ok) setMessage(result.formError ?? 'That did not work. Try again.');
              else if (result.data.status === 'already_verified') setMessage('Your e-mail is already confirmed. Reload the page.');
              else setMessage('Sent. Check your inbox.');
            } catch {
              setMessage('Something went wrong. Check your connection and try again.');
            }
          })
        }
      >
        {pending ? 'Sending…' : 'Send a new link'}
      </button>
      {/* Rendered only with a message, so the page's own status line stays the only one. */}
      {message ? (
        <p role="status" className="text-sm font-medium">
          {message}
        </p>
      ) : null}
    </div>
  );
}
