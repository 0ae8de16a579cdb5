import Link from 'next/link';
import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/permissions';

const ROLE_CAN: Record<Role, string> = {
  owner: 'do everything here',
  editor: 'add and change records, but not manage members or settings',
  coach: 'read everything and comment, but not add or change records',
  viewer: 'read everything, but not change anything',
};

/**
 * What a member sees on a page their role does not open: which role they have and what it allows,
 * instead of a "not found" that would make them think the link is broken. Only members get here;
 * anyone else still gets the same 404 as a workspace that does not exist.
 */
export function NotAllowed({ role, purpose, back }: { role: Role; purpose: string; back: { href: string; label: string } }) {
  return (
    <section className="card max-w-prose" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title" className="text-xl font-bold">
        Your role cannot open this page
      </h1>
      <p className="mt-2 text-stone-700">
        This page is for {purpose}. You are {role === 'owner' || role === 'editor' ? 'an' : 'a'} {ROLE_LABELS[role].toLowerCase()} in this
        workspace, so you can {ROLE_CAN[role]}. An owner can change your role on the Members page.
      </p>
      <p className="mt-4">
        <Link className="btn-secondary" href={back.href}>
          {back.label}
        </Link>
      </p>
    </section>
  );
}
