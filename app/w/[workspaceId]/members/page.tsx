import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, CardSection, PageHeader } from '@/app/_components/page-header';
import { formatDate } from '@/lib/dates';
import { isInviterVerified, listPendingInvitations } from '@/lib/data/invitations';
import { listMembers } from '@/lib/data/members';
import { can, ROLE_LABELS } from '@/lib/permissions';
import { ROLE_DESCRIPTIONS } from '@/lib/schemas/team';
import { InviteForm } from './invite-form';
import { LeaveButton, RemoveMemberButton, RevokeInvitationButton, RoleControl, TransferButton } from './member-controls';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Members' };

export default workspacePage(async ({ ctx, workspaceId }) => {
  const canRead = can(ctx.role, 'members.read');
  const manage = can(ctx.role, 'members.manage');
  const [members, invitations, verified] = await Promise.all([
    canRead ? listMembers(ctx) : Promise.resolve([]),
    canRead ? listPendingInvitations(ctx) : Promise.resolve([]),
    manage ? isInviterVerified(ctx) : Promise.resolve(false),
  ]);
  const owners = members.filter((m) => m.role === 'owner').length;
  const meOwnerAlone = ctx.role === 'owner' && owners <= 1;

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Members"
        description={
          manage
            ? 'Invite a coach or teammates to see your channels. Coaches and viewers never change your records.'
            : `You are ${ROLE_LABELS[ctx.role].toLowerCase()} in ${ctx.workspace.name}. ${ROLE_DESCRIPTIONS[ctx.role]}`
        }
      />

      {manage ? (
        <CardSection id="invite" title="Invite someone">
          {verified ? (
            <InviteForm workspaceId={workspaceId} />
          ) : (
            <p className="mt-2 text-stone-700">
              Verify your e-mail address before inviting others.{' '}
              <Link className="link" href="/account">
                Go to your account
              </Link>{' '}
              to get a new verification e-mail.
            </p>
          )}
        </CardSection>
      ) : null}

      {canRead ? (
        <CardSection id="members" title={<>People with access <span className="font-normal text-stone-600">({members.length})</span></>}>
          <ul className="mt-3 divide-y divide-stone-200">
            {members.map((m) => {
              const me = m.userId === ctx.userId;
              return (
                <li key={m.userId} className="flex flex-col gap-3 py-3 md:flex-row md:items-center md:justify-between" aria-label={m.name}>
                  <div className="min-w-0">
                    <p className="font-medium">
                      {m.name} {me ? <span className="text-sm font-normal text-stone-600">(you)</span> : null}
                    </p>
                    <p className="break-all text-sm text-stone-600">{m.email}</p>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
                      <Badge tone={m.role === 'owner' ? 'good' : 'neutral'}>{ROLE_LABELS[m.role]}</Badge>
                      <span>since {formatDate(m.joinedAt.toISOString())}</span>
                    </p>
                  </div>
                  {manage && !me ? (
                    <div className="flex flex-wrap items-end gap-2">
                      <RoleControl workspaceId={workspaceId} userId={m.userId} name={m.name} role={m.role} />
                      {m.role !== 'owner' ? <TransferButton workspaceId={workspaceId} userId={m.userId} name={m.name} /> : null}
                      <RemoveMemberButton workspaceId={workspaceId} userId={m.userId} name={m.name} />
                    </div>
                  ) : null}
                  {manage && me && owners > 1 ? (
                    <RoleControl workspaceId={workspaceId} userId={m.userId} name={m.name} role={m.role} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </CardSection>
      ) : null}

      {canRead ? (
        <CardSection id="pending" title="Pending invitations">
          {invitations.length === 0 ? (
            <p className="mt-2 text-stone-700">
              No open invitations. A link works once and expires after 7 days, so nobody gets in by an old e-mail.
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" aria-label={`Invitation for ${i.email}`}>
                  <div className="min-w-0">
                    <p className="break-all font-medium">{i.email}</p>
                    <p className="text-sm text-stone-600">
                      {ROLE_LABELS[i.role]} · expires {formatDate(i.expiresAt.toISOString())}
                      {i.invitedByName ? ` · invited by ${i.invitedByName}` : ''}
                    </p>
                  </div>
                  {manage ? <RevokeInvitationButton workspaceId={workspaceId} invitationId={i.id} email={i.email} /> : null}
                </li>
              ))}
            </ul>
          )}
        </CardSection>
      ) : null}

      <CardSection id="leave" title="Leave this workspace">
        {meOwnerAlone ? (
          <p className="mt-2 text-stone-700">
            You are the only owner. Make another member the owner first; then you can leave.
          </p>
        ) : (
          <div className="mt-2 space-y-3">
            <p className="text-stone-700">You lose access at once; your comments stay.</p>
            <LeaveButton workspaceId={workspaceId} name={ctx.workspace.name} />
          </div>
        )}
      </CardSection>
    </div>
  );
});
