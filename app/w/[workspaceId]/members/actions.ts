'use server';

import { workspaceAction, type ActionResult } from '@/lib/action';
import { createInvitation, revokeInvitation } from '@/lib/data/invitations';
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from '@/lib/data/members';
import { getWorkspace } from '@/lib/data/workspaces';
import { appOrigin } from '@/lib/env';
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
): Promise<ActionResult<{ id: string; email: string; role: string; link: string; expiresAt: string; mailed: boolean }>> {
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

export const revokeInvitationAction = workspaceAction(
  { schema: invitationTargetSchema, permission: 'members.manage', activity: 'invitation.revoke' },
  async (ctx, input) => revokeInvitation(ctx, input.invitationId),
);

export const changeMemberRoleAction = workspaceAction(
  { schema: changeRoleSchema, permission: 'members.manage', activity: 'member.role' },
  async (ctx, input) => changeMemberRole(ctx, input),
);

export const removeMemberAction = workspaceAction(
  { schema: memberTargetSchema, permission: 'members.manage', activity: 'member.remove' },
  async (ctx, input) => removeMember(ctx, input.userId),
);

export const transferOwnershipAction = workspaceAction(
  { schema: memberTargetSchema, permission: 'members.manage', activity: 'member.transfer' },
  async (ctx, input) => transferOwnership(ctx, input.userId),
);

export const leaveWorkspaceAction = workspaceAction(
  { schema: emptySchema, permission: 'workspace.read', activity: 'member.leave' },
  async (ctx) => leaveWorkspace(ctx),
);
