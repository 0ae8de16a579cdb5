'use server';

import { workspaceAction, workspaceFormAction, type ActionResult } from '@/lib/action';
import { createInvitation, revokeInvitation } from '@/lib/data/invitations';
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from '@/lib/data/members';
import { getWorkspace } from '@/lib/data/workspaces';
import { appOrigin } from '@/lib/env';
import type { FormState } from '@/lib/form-data';
import { sendMail } from '@/lib/mail';
import { invitationMail } from '@/lib/mail-templates';
import { ROLE_LABELS } from '@/lib/permissions';
import {
  changeRoleSchema,
  emptySchema,
  invitationTargetSchema,
  inviteSchema,
  memberTargetSchema,
  type InviteInput,
} from '@/lib/schemas/team';

const createInvitationInWorkspace = workspaceAction(
  { schema: inviteSchema, permission: 'members.manage', activity: 'invitation.create' },
  async (ctx, input) => {
    const created = await createInvitation(ctx, input);
    if ('ok' in created) return created;
    const workspace = await getWorkspace(ctx);
    return { ...created, workspaceName: workspace?.name ?? 'a workspace', inviterName: ctx.user.name };
  },
);

/** Invites an address and mails the link; the link is returned once so the owner can also copy it. */
export async function inviteMemberAction(
  workspaceId: string,
  input: InviteInput,
): Promise<ActionResult<SentInvitation>> {
  const result = await createInvitationInWorkspace(workspaceId, input);
  if (!result.ok) return result;
  const inv = result.data;
  const link = `${appOrigin()}/invite/${inv.token}`;
  const role = ROLE_LABELS[inv.role].toLowerCase();
  let mailed = true;
  // Sent after the invitation is committed, so a slow mail server never holds the transaction open.
  try {
    await sendMail({ to: inv.email, ...invitationMail({ inviterName: inv.inviterName, workspaceName: inv.workspaceName, role, url: link, origin: appOrigin() }) });
  } catch {
    mailed = false;
  }
  return { ok: true, data: { id: inv.id, email: inv.email, role: inv.role, link, expiresAt: inv.expiresAt.toISOString(), mailed } };
}

export type SentInvitation = { id: string; email: string; role: string; link: string; expiresAt: string; mailed: boolean };
export type InviteFormState = (NonNullable<FormState> & { invitation?: SentInvitation }) | null;

/** The invite form posted before its script ran: the answer carries the link, which is shown once. */
export async function inviteMemberFormAction(previous: FormState, formData: FormData): Promise<InviteFormState> {
  let invitation: SentInvitation | undefined;
  const answer = workspaceFormAction(async (workspaceId: string, input: InviteInput) => {
    const result = await inviteMemberAction(workspaceId, input);
    if (result.ok) invitation = result.data;
    return result;
  });
  const state = await answer(previous, formData);
  return state && invitation ? { ...state, invitation } : state;
}

export const revokeInvitationAction = workspaceAction(
  { schema: invitationTargetSchema, permission: 'members.manage', activity: 'invitation.revoke' },
  async (ctx, input) => revokeInvitation(ctx, input.invitationId),
);

export const changeMemberRoleAction = workspaceAction({ schema: changeRoleSchema, permission: 'members.manage', activity: 'member.role' }, changeMemberRole);

export const removeMemberAction = workspaceAction(
  { schema: memberTargetSchema, permission: 'members.manage', activity: 'member.remove' },
  async (ctx, input) => removeMember(ctx, input.userId),
);

export const transferOwnershipAction = workspaceAction(
  { schema: memberTargetSchema, permission: 'members.manage', activity: 'member.transfer' },
  async (ctx, input) => transferOwnership(ctx, input.userId),
);

export const leaveWorkspaceAction = workspaceAction({ schema: emptySchema, permission: 'workspace.read', activity: 'member.leave' }, leaveWorkspace);

const toMembers = (workspaceId: string) => `/w/${workspaceId}/members`;
export const revokeInvitationFormAction = workspaceFormAction(revokeInvitationAction, { redirectTo: toMembers });
export const changeMemberRoleFormAction = workspaceFormAction(changeMemberRoleAction);
export const removeMemberFormAction = workspaceFormAction(removeMemberAction, { redirectTo: toMembers });
export const transferOwnershipFormAction = workspaceFormAction(transferOwnershipAction, { redirectTo: toMembers });
export const leaveWorkspaceFormAction = workspaceFormAction(leaveWorkspaceAction, { redirectTo: () => '/' });
