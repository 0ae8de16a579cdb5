'use client';

import { useRouter } from 'next/navigation';
import { FormError } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { REFUSED_ERROR, useButtonAction } from '@/app/_components/use-button-action';
import { acceptInvitationAction } from './actions';

export function JoinButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const { pending, message: error, run } = useButtonAction();
  const join = async () => {
    const result = await acceptInvitationAction(token);
    if (!result.ok) return result.formError ?? REFUSED_ERROR;
    router.push(`/w/${result.data.workspaceId}`);
  };
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <PendingButton type="button" className="btn-primary w-full" pending={pending} pendingLabel="Joining…" onClick={() => run(join)}>
        {label}
      </PendingButton>
    </div>
  );
}
