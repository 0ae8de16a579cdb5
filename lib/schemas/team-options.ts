// Roles as the member forms show them, kept apart from the zod schemas.
import type { Role } from '@/db/schema';

/** Roles from most to least powerful; an index lower means more rights. */
export const ROLE_ORDER = ['owner', 'editor', 'coach', 'viewer'] as const satisfies readonly Role[];

/** Roles an invitation may carry: never 'owner' (ownership moves only by transfer). */
export const INVITABLE_ROLES = ['editor', 'coach', 'viewer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Whether someone holding `held` may hand out `granted` (equal or fewer rights). */
export function roleAtMost(granted: Role, held: Role): boolean {
  return ROLE_ORDER.indexOf(granted) >= ROLE_ORDER.indexOf(held);
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including members, settings and deleting the workspace.',
  editor: 'Logs and edits efforts, contacts and opportunities; no members or settings.',
  coach: 'Sees everything and comments; never changes records.',
  viewer: 'Sees everything, read only.',
};
