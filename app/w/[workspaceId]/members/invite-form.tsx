'use client';

import { useEffect, useRef, useState } from 'react';
import { Field, FormError, Options, SelectField } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { INVITABLE_ROLES, ROLE_DESCRIPTIONS } from '@/lib/schemas/team-options';
import { inviteMemberAction, inviteMemberFormAction, type InviteFormState, type SentInvitation } from './actions';

const LABELS = { editor: 'Editor', coach: 'Coach', viewer: 'Viewer' } as const;

type Sent = Omit<SentInvitation, 'id'>;

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const [sent, setSent] = useState<Sent | null>(null);
  const { form, formProps, field, formError, errors, submitting, posted } = useActionForm({
    schema: () => import('@/lib/schemas/team').then((m) => m.inviteSchema),
    formAction: inviteMemberFormAction,
    defaultValues: { email: '', role: 'coach' },
    action: (values) => {
      setSent(null);
      return inviteMemberAction(workspaceId, values);
    },
    onSuccess: (data) => {
      setSent(data);
      form.reset({ email: '', role: form.getValues('role') });
    },
  });
  const role = form.watch('role') as keyof typeof LABELS;
  // Posted before the script ran: the server's answer carries the link.
  const shown = sent ?? (posted as InviteFormState)?.invitation ?? null;
  return (
    <div className="mt-4 space-y-4">
      <form {...formProps} noValidate className="space-y-4" aria-label="Invite someone">
        <FormError message={formError} />
        <input type="hidden" name="workspaceId" value={workspaceId} />
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <Field id="invite-email" label="E-mail address" error={errors.email?.message}>
            {(a) => <input {...a} {...field('email')} type="email" autoComplete="off" className="input" />}
          </Field>
          <SelectField id="invite-role" label="Role" error={errors.role?.message} {...field('role')}>
            <Options items={INVITABLE_ROLES} label={(r) => LABELS[r]} />
          </SelectField>
        </div>
        <p className="text-sm text-stone-600">{ROLE_DESCRIPTIONS[role] ?? ''}</p>
        <PendingButton pending={submitting} pendingLabel="Sending…">
          Send invitation
        </PendingButton>
      </form>
      {shown ? <SentNotice sent={shown} /> : null}
    </div>
  );
}

function SentNotice({ sent }: { sent: Sent }) {
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);
  // The result takes the focus, so keyboard and screen-reader users land on the link to copy.
  useEffect(() => linkRef.current?.focus(), [sent]);
  const expires = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(sent.expiresAt));
  return (
    <div role="status" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
      <p className="font-semibold text-brand-800">
        {sent.mailed ? `Invitation sent to ${sent.email}.` : `Invitation created for ${sent.email}, but the e-mail could not be sent.`}
      </p>
      <p className="mt-1 text-sm text-stone-700">
        You can also share this link yourself. It is shown only now, works once, and expires on {expires}.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="invite-link" className="sr-only">
          Invitation link
        </label>
        <input ref={linkRef} id="invite-link" readOnly value={sent.link} className="input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn-secondary shrink-0"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(sent.link);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
