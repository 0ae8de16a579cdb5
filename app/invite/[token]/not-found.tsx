import { ClosedInvitation } from './closed-invitation';

export default function InvitationNotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <main className="card w-full max-w-md">
        <ClosedInvitation title="This invitation link is invalid or has expired">
          Invitation links work once and expire after 7 days. Ask the person who invited you to send a new one.
        </ClosedInvitation>
      </main>
    </div>
  );
}
