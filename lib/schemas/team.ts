import { z } from 'zod';
import { email, longText, uuid } from './common';
import { COACH_NOTE_MAX } from './limits';
import { INVITABLE_ROLES, ROLE_ORDER } from './team-options';

export { COACH_NOTE_MAX } from './limits';

export * from './team-options';

export const inviteSchema = z.object({
  email,
  role: z.enum(INVITABLE_ROLES, { error: 'Choose editor, coach or viewer' }),
});
export type InviteInput = z.input<typeof inviteSchema>;
export type Invite = z.output<typeof inviteSchema>;

export const changeRoleSchema = z.object({
  userId: uuid,
  role: z.enum(ROLE_ORDER, { error: 'Choose a role from the list' }),
});
export type ChangeRole = z.output<typeof changeRoleSchema>;

export const memberTargetSchema = z.object({ userId: uuid });
export const invitationTargetSchema = z.object({ invitationId: uuid });
export const emptySchema = z.object({});

/** An invitation token as it appears in a link: 32 random bytes, base64url (43 characters). */
export const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This invitation link is not valid');
export const acceptInvitationSchema = z.object({ token: invitationToken });

const noteBody = longText(COACH_NOTE_MAX, 'Note').refine((v) => v.length > 0, 'Write something first');
export const coachNoteSchema = z.object({ body: noteBody });
export const updateCoachNoteSchema = z.object({ id: uuid, body: noteBody });
export const coachNoteTargetSchema = z.object({ id: uuid });
export type CoachNoteInput = z.input<typeof coachNoteSchema>;

/** An address shown to someone who is not its owner: "j•••@example.com". */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

export const ROSTER_SORTS = ['attention', 'person', 'activity', 'hours', 'trend', 'cold', 'overdue', 'opportunities'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

export interface RosterView {
  sort: RosterSort;
  dir: 'asc' | 'desc';
  /** Part of a client's name or workspace name; empty shows everyone. */
  q: string;
}

/** Names read best A to Z, dates newest first, and every other figure biggest first. */
export const ROSTER_FIRST_DIR: Record<RosterSort, 'asc' | 'desc'> = {
  attention: 'desc',
  person: 'asc',
  activity: 'asc',
  hours: 'desc',
  trend: 'asc',
  cold: 'desc',
  overdue: 'desc',
  opportunities: 'desc',
};

export const ROSTER_QUERY_MAX = 100;

/** The roster's view from URL parameters; anything unknown falls back to "needs attention" first. */
export function parseRosterView(params: Record<string, string | string[] | undefined>): RosterView {
  const pick = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const sort = (ROSTER_SORTS as readonly string[]).includes(pick('sort')) ? (pick('sort') as RosterSort) : 'attention';
  const dir = pick('dir') === 'desc' || pick('dir') === 'asc' ? (pick('dir') as 'asc' | 'desc') : ROSTER_FIRST_DIR[sort];
  const q = pick('q').replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, ROSTER_QUERY_MAX);
  return { sort, dir, q };
}
