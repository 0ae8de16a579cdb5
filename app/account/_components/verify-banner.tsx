import { getCurrentUser } from '@/lib/session';
import { ResendButton } from './resend-button';

/** Says the e-mail is not confirmed yet and offers a new link; renders nothing once it is. */
export async function VerifyBanner() {
  const user = await getCurrentUser();
  if (!user || user.emailVerified) return null;
  return (
    <section
      aria-label="Confirm your e-mail"
      className="mb-5 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p className="min-w-0 flex-1 text-sm">
        <strong>Confirm your e-mail address.</strong> We sent a link to <span className="break-all">{user.email}</span>. Open it
        so we know invitations and reminders reach you.
      </p>
      <ResendButton />
    </section>
  );
}
