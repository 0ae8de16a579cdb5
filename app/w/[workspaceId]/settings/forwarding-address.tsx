'use client';

import { useEffect, useRef, useState } from 'react';
import { SecretControls } from '@/app/_components/secret-controls';
import { useButtonAction } from '@/app/_components/use-button-action';
import { deleteMailInboxAction, rotateMailInboxAction } from './actions';

/** Makes, replaces or turns off the workspace's private forwarding address; a new one is shown once. */
export function ForwardingAddress({ workspaceId, hasInbox }: { workspaceId: string; hasInbox: boolean }) {
  const [address, setAddress] = useState<string>();
  const { pending, message: error, run: start } = useButtonAction();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (address) field.current?.focus();
  }, [address]);

  const run = (kind: 'create' | 'delete') =>
    start(async () => {
      if (kind === 'create') {
        const result = await rotateMailInboxAction(workspaceId, {});
        if (!result.ok) return result.formError ?? 'The address could not be made. Try again.';
        setAddress(result.data.address);
      } else {
        const result = await deleteMailInboxAction(workspaceId, {});
        if (!result.ok) return result.formError ?? 'The address could not be turned off. Try again.';
        setAddress(undefined);
      }
    });

  return (
    <div className="mt-4 space-y-3">
      {address ? (
        <div className="space-y-1">
          <label htmlFor="inbox-address" className="block text-sm font-medium text-stone-800">
            Your forwarding address
          </label>
          <input
            ref={field}
            id="inbox-address"
            readOnly
            value={address}
            className="input font-mono text-sm"
            onFocus={(e) => e.target.select()}
            aria-describedby="inbox-address-hint"
          />
          <p id="inbox-address-hint" className="text-sm text-stone-600">
            Shown only now: save it as a contact in your mail program. Anyone who knows it can send mail into this workspace.
          </p>
        </div>
      ) : (
        <p className="text-sm text-stone-700">
          {hasInbox ? 'Your forwarding address is on. It was shown when you made it; make a new one if you lost it.' : 'No forwarding address yet.'}
        </p>
      )}
      <SecretControls
        on={hasInbox}
        pending={pending}
        error={error}
        make="Make a forwarding address"
        replace="Replace forwarding address"
        turnOff="Turn forwarding off"
        warning="Replacing it makes the old address stop working at once."
        onMake={() => run('create')}
        onTurnOff={() => run('delete')}
      />
    </div>
  );
}
