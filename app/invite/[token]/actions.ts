'use server';

import { fail, MESSAGES, type ActionResult } from '@/lib/action';
import { signOut } from '@/lib/auth';
import { acceptInvitation, INVITATION_MESSAGES } from '@/lib/data/invitations';
import { revokeUserSession } from '@/lib/data/sessions';
import { invitationToken } from '@/lib/schemas/team';
import { getCurrentUser, getSessionClaims } from '@/lib/session';

/** Joins the workspace of an invitation sent to the signed-in account's address. */
export async function acceptInvitationAction(token: string): Promise<ActionResult<{ workspaceId: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail(MESSAGES.signedOut);
  const parsed = invitationToken.safeParse(token);
  if (!parsed.success) return fail(INVITATION_MESSAGES.expired);
  const result = await acceptInvitation(user, parsed.data);
  if ('ok' in result) return result;
  return { ok: true, data: { workspaceId: result.workspaceId } };
}

/** Signs out and comes back to the invitation after signing in with another account. */
export async function switchAccountAction(token: string): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await revokeUserSession(claims.uid, claims.sid);
  const back = invitationToken.safeParse(token).success ? `/invite/${token}` : '/';
  await signOut({ redirectTo: `/signin?next=${encodeURIComponent(back)}` });
}
