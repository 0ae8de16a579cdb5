'use client';

import { useState, useTransition } from 'react';
import { signOutSessionAction } from '../actions';

export function SignOutSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        className="btn-secondary"
        aria-label={`Sign out ${device}`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            try {
              const result = await signOutSessionAction({ sessionId });
              if (!result.ok) setError(result.formError ?? 'That did not work. Try again.');
            } catch {
              setError('Something went wrong. Check your connection and try again.');
            }
          })
        }
      >
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
