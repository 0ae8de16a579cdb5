'use client';

import { useActionState, useRef, useState, useTransition } from 'react';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { ErrorText, HiddenFields, Options } from '@/app/_components/field';
import { CONNECTION_ERROR, REFUSED_ERROR } from '@/app/_components/use-button-action';
import { useHydrated } from '@/app/_components/use-hydrated';
import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/permissions';
import { ROLE_ORDER } from '@/lib/schemas/team-options';
import {
  changeMemberRoleAction,
  changeMemberRoleFormAction,
  leaveWorkspaceAction,
  leaveWorkspaceFormAction,
  removeMemberAction,
  removeMemberFormAction,
  revokeInvitationAction,
  revokeInvitationFormAction,
  transferOwnershipAction,
  transferOwnershipFormAction,
} from './actions';

/** A member's role picker with its own save button; before the script runs it posts the form. */
export function RoleControl({ workspaceId, userId, name, role }: { workspaceId: string; userId: string; name: string; role: Role }) {
  const hydrated = useHydrated();
  const [posted, post] = useActionState(changeMemberRoleFormAction, null);
  const refused = posted && !posted.ok ? posted : null;
  const sentRole = typeof refused?.sent?.role === 'string' ? (refused.sent.role as Role) : undefined;
  const [value, setValue] = useState<Role>(sentRole ?? role);
  const [error, setError] = useState<string | undefined>(refused ? (refused.fieldErrors?.role?.[0] ?? refused.formError) : undefined);
  const [pending, start] = useTransition();
  const select = useRef<HTMLSelectElement>(null);
  const id = `role-${userId}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      action={post}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setError(undefined);
          try {
            const result = await changeMemberRoleAction(workspaceId, { userId, role: value });
            if (!result.ok) setError(result.fieldErrors?.role?.[0] ?? result.formError ?? REFUSED_ERROR);
            else {
              // The button is disabled once the role is saved: the focus goes back to the role picker.
              select.current?.focus();
            }
          } catch {
            setError(CONNECTION_ERROR);
          }
        });
      }}
    >
      <HiddenFields values={{ workspaceId, userId }} />
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          Role<span className="sr-only"> of {name}</span>
        </label>
        <select
          ref={select}
          id={id}
          name="role"
          className="input w-auto"
          value={value}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value as Role)}
        >
          <Options items={ROLE_ORDER} label={(r) => ROLE_LABELS[r]} />
        </select>
      </div>
      {/* Without the script the page cannot tell whether the choice changed, so the button stays usable. */}
      <button type="submit" className="btn-secondary" disabled={hydrated && (pending || value === role)}>
        {pending ? 'Saving…' : 'Change role'}
        <span className="sr-only"> of {name}</span>
      </button>
      <ErrorText message={error} id={`${id}-error`} className="basis-full" />
      {posted?.ok ? (
        <p role="status" className="basis-full text-sm text-brand-700">
          Saved.
        </p>
      ) : null}
    </form>
  );
}

export function RemoveMemberButton({ workspaceId, userId, name }: { workspaceId: string; userId: string; name: string }) {
  return (
    <ConfirmButton
      label="Remove"
      labelDetail={name}
      doneNotice={`${name} removed.`}
      title={`Remove ${name}?`}
      message={`${name} loses access to this workspace at once. Their comments stay.`}
      confirmLabel="Remove"
      action={() => removeMemberAction(workspaceId, { userId })}
      form={{ action: removeMemberFormAction, fields: { workspaceId, userId } }}
    />
  );
}

export function TransferButton({ workspaceId, userId, name }: { workspaceId: string; userId: string; name: string }) {
  return (
    <ConfirmButton
      className="btn-secondary"
      label="Make owner"
      labelDetail={name}
      title={`Make ${name} the owner?`}
      message={`${name} becomes an owner and you become an editor: you will no longer manage members or settings.`}
      confirmLabel="Transfer ownership"
      action={() => transferOwnershipAction(workspaceId, { userId })}
      form={{ action: transferOwnershipFormAction, fields: { workspaceId, userId } }}
    />
  );
}

export function RevokeInvitationButton({ workspaceId, invitationId, email }: { workspaceId: string; invitationId: string; email: string }) {
  return (
    <ConfirmButton
      className="btn-secondary"
      label="Revoke"
      labelDetail={`the invitation for ${email}`}
      title={`Revoke the invitation for ${email}?`}
      message="The link stops working at once. You can invite them again later."
      confirmLabel="Revoke invitation"
      action={() => revokeInvitationAction(workspaceId, { invitationId })}
      form={{ action: revokeInvitationFormAction, fields: { workspaceId, invitationId } }}
    />
  );
}

export function LeaveButton({ workspaceId, name }: { workspaceId: string; name: string }) {
  return (
    <ConfirmButton
      label="Leave workspace"
      title={`Leave ${name}?`}
      message="You lose access at once. Someone would have to invite you again."
      confirmLabel="Leave"
      onDoneHref="/"
      action={() => leaveWorkspaceAction(workspaceId, {})}
      form={{ action: leaveWorkspaceFormAction, fields: { workspaceId } }}
    />
  );
}
