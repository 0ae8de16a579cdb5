'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/app/_components/field';
import { acceptInvitationAction } from './actions';

export function JoinButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <button
        type="button"
        className="btn-primary w-full"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(undefined);
            try {
              const result = await acceptInvitationAction(token);
              if (result.ok) router.push(`/w/${result.data.workspaceId}`);
              else setError(result.formError ?? 'That did not work. Try again.');
            } catch {
              setError('Something went wrong. Check your connection and try again.');
            }
          })
        }
      >
        {pending ? 'Joining…' : label}
      </button>
    </div>
  );
}
