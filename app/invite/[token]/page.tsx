import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ResendButton } from '@/app/account/_components/resend-button';
import { isEmailVerified } from '@/lib/data/accounts/profile';
import { CONFIRM_TO_JOIN_MESSAGE, getInvitationByToken, INVITATION_MESSAGES, wrongAccountMessage } from '@/lib/data/invitations';
import { getMembership } from '@/lib/data/workspaces';
import { ROLE_LABELS } from '@/lib/permissions';
import { invitationToken, maskEmail, ROLE_DESCRIPTIONS } from '@/lib/schemas/team';
import { getCurrentUser } from '@/lib/session';
import { switchAccountAction } from './actions';
import { ClosedInvitation } from './closed-invitation';
import { JoinButton } from './join-button';

// The token is in the URL: never send it on to other sites, never index it.
export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer', robots: { index: false } };

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <Link href="/" className="mb-6 text-2xl font-bold tracking-tight text-brand-800">
        Groundwork
      </Link>
      <main className="card w-full max-w-md">{children}</main>
    </div>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!invitationToken.safeParse(token).success) notFound();
  const invitation = await getInvitationByToken(token);
  // Unknown and expired links look the same, so a guessed token learns nothing.
  if (!invitation || invitation.status === 'expired') notFound();

  const role = ROLE_LABELS[invitation.role];
  const from = invitation.inviterName ?? 'A member';
  if (invitation.status !== 'pending') {
    return (
      <Frame>
        <ClosedInvitation title="This invitation can no longer be used">{INVITATION_MESSAGES[invitation.status]}</ClosedInvitation>
      </Frame>
    );
  }

  const intro = (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Invitation</p>
      <h1 className="mt-1 text-2xl font-bold">
        {from} invited you to {invitation.workspaceName}
      </h1>
      <p className="mt-2 text-stone-700">
        You would join as <strong>{role.toLowerCase()}</strong>: {ROLE_DESCRIPTIONS[invitation.role].toLowerCase()}
      </p>
    </>
  );

  const user = await getCurrentUser();
  const back = encodeURIComponent(`/invite/${token}`);
  if (!user) {
    return (
      <Frame>
        {intro}
        <p className="mt-4 text-stone-700">
          The invitation is for <strong>{maskEmail(invitation.email)}</strong>. Sign in with that address, or create an
          account with it.
        </p>
        <div className="mt-6 flex flex-col gap-2 sm:flex-row">
          <Link className="btn-primary" href={`/signin?next=${back}`}>
            Sign in to join
          </Link>
          <Link className="btn-secondary" href={`/signup?next=${back}`}>
            Create an account
          </Link>
        </div>
      </Frame>
    );
  }

  if (user.email.toLowerCase() !== invitation.email) {
    return (
      <Frame>
        {intro}
        <p role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {wrongAccountMessage(invitation.email)}
        </p>
        <p className="mt-2 text-sm text-stone-600">You are signed in as {user.email}.</p>
        <form action={switchAccountAction.bind(null, token)} className="mt-6">
          <button type="submit" className="btn-primary w-full">
            Sign out and switch account
          </button>
        </form>
      </Frame>
    );
  }

  if (!(await isEmailVerified(user.id))) {
    return (
      <Frame>
        {intro}
        <p role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {CONFIRM_TO_JOIN_MESSAGE}
        </p>
        <p className="mt-2 text-sm text-stone-600">
          The link went to {user.email} when you created your account. Open it, then come back to this page to join.
        </p>
        <div className="mt-6">
          <ResendButton />
        </div>
      </Frame>
    );
  }

  const membership = await getMembership(user.id, invitation.workspaceId);
  return (
    <Frame>
      {intro}
      {membership ? (
        <p className="mt-4 text-stone-700">
          You already belong to this workspace as {ROLE_LABELS[membership.role].toLowerCase()}. Joining again keeps your
          role unless the invitation grants more.
        </p>
      ) : null}
      <div className="mt-6">
        <JoinButton token={token} label={`Join ${invitation.workspaceName} as ${role.toLowerCase()}`} />
      </div>
    </Frame>
  );
}
