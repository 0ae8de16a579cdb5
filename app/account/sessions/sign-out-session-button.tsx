'use client';

import { ErrorText } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { REFUSED_ERROR, useButtonAction } from '@/app/_components/use-button-action';
import { signOutSessionAction } from '../actions';

export function SignOutSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const { pending, message: error, run } = useButtonAction();
  const signOut = async () => {
    const result = await signOutSessionAction({ sessionId });
    if (!result.ok) return result.formError ?? REFUSED_ERROR;
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <PendingButton type="button" className="btn-secondary" aria-label={`Sign out ${device}`} pending={pending} pendingLabel="Signing out…" onClick={() => run(signOut)}>
        Sign out
      </PendingButton>
      <ErrorText message={error} />
    </div>
  );
}
