import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { activityLog, invitations, memberships, users, workspaces, type Role } from '@/db/schema';
import { fail, type ActionFailure } from '@/lib/result';
import { assertCan } from '@/lib/permissions';
import { maskEmail, roleAtMost, type Invite } from '@/lib/schemas/team';
import { executor, type WorkspaceCtx } from './context';


export const INVITATION_DAYS = 7;
export const INVITES_PER_DAY = 20;
export const VERIFY_FIRST_MESSAGE = 'Verify your e-mail address before inviting others.';
export const TOO_MANY_INVITES_MESSAGE = `This workspace has sent ${INVITES_PER_DAY} invitations in the last 24 hours, the most it may send in a day. Try again tomorrow.`;
export const ALREADY_MEMBER_MESSAGE = 'This person is already a member of this workspace.';
export const CONFIRM_TO_JOIN_MESSAGE =
  'Confirm your e-mail address before joining: open the link we sent you. Holding the invitation link alone is not proof that the address is yours.';
export const ROLE_TOO_HIGH_MESSAGE = 'You cannot invite someone with more rights than your own.';

/** A fresh invitation token: 32 random bytes as base64url. Only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex; the only form in which tokens are kept. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CreatedInvitation {
  id: string;
  /** The plain token: returned once, to be mailed and shown to the inviter, never stored. */
  token: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

/**
 * Invites an e-mail address with a role no higher than the inviter's (never owner). Refuses
 * unverified inviters, existing members and more than INVITES_PER_DAY in 24 hours per workspace.
 * A new invitation replaces any unused one for the same address.
 */
export async function createInvitation(ctx: WorkspaceCtx, input: Invite): Promise<CreatedInvitation | ActionFailure> {
  assertCan(ctx, 'members.manage');
  const role = input.role as Role;
  if (role === 'owner' || !roleAtMost(role, ctx.role)) return fail(undefined, { role: [ROLE_TOO_HIGH_MESSAGE] });
  const db = await executor(ctx);
  const [inviter] = await db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, ctx.userId)).limit(1);
  if (!inviter?.verifiedAt) return fail(VERIFY_FIRST_MESSAGE);

  // One inviter at a time per workspace, so the daily count below cannot be raced past the limit.
  await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, ctx.workspaceId)).for('update');
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, ctx.workspaceId), sql`${invitations.createdAt} > now() - interval '24 hours'`));
  if (n >= INVITES_PER_DAY) return fail(TOO_MANY_INVITES_MESSAGE);

  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(users.email, input.email)))
    .limit(1);
  if (member) return fail(undefined, { email: [ALREADY_MEMBER_MESSAGE] });

  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.workspaceId, ctx.workspaceId),
        eq(invitations.email, input.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = newInvitationToken();
  const [row] = await db
    .insert(invitations)
    .values({
      workspaceId: ctx.workspaceId,
      email: input.email,
      role,
      tokenHash: hashInvitationToken(token),
      invitedBy: ctx.userId,
      expiresAt: sql`now() + ${`${INVITATION_DAYS} days`}::interval`,
    })
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
  return { ...row, token };
}

/** Whether the caller may send invitations at all: their e-mail address must be verified. */
export async function isInviterVerified(ctx: WorkspaceCtx): Promise<boolean> {
  assertCan(ctx, 'members.manage');
  const db = await executor(ctx);
  const [row] = await db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, ctx.userId)).limit(1);
  return Boolean(row?.verifiedAt);
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedByName: string | null;
}

/** Invitations not yet used, withdrawn or expired, newest first. */
export async function listPendingInvitations(ctx: WorkspaceCtx, { limit = 100 } = {}): Promise<PendingInvitation[]> {
  assertCan(ctx, 'members.read');
  const db = await executor(ctx);
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.workspaceId, ctx.workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit);
}

/** Withdraws an unused invitation of this workspace; its link stops working at once. */
export async function revokeInvitation(ctx: WorkspaceCtx, id: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'members.manage');
  const db = await executor(ctx);
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.workspaceId, ctx.workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return row ?? fail('This invitation was already used or withdrawn. Reload the page.');
}

export type InvitationStatus = 'pending' | 'used' | 'revoked' | 'expired';

export interface InvitationPreview {
  id: string;
  workspaceId: string;
  workspaceName: string;
  inviterName: string | null;
  role: Role;
  email: string;
  status: InvitationStatus;
}

/**
 * What an invitation link shows before it is accepted. The token is the capability, so this
 * takes no workspace context; null for a token that matches nothing.
 */
export async function getInvitationByToken(token: string): Promise<InvitationPreview | null> {
  const db = await executor();
  const [row] = await db
    .select({
      id: invitations.id,
      workspaceId: invitations.workspaceId,
      workspaceName: workspaces.name,
      inviterName: users.name,
      role: invitations.role,
      email: invitations.email,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`.mapWith(Boolean),
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) return null;
  const status: InvitationStatus = row.acceptedAt ? 'used' : row.revokedAt ? 'revoked' : row.expired ? 'expired' : 'pending';
  const { acceptedAt: _a, revokedAt: _r, expired: _e, ...rest } = row;
  return { ...rest, status };
}

export const INVITATION_MESSAGES: Record<Exclude<InvitationStatus, 'pending'>, string> = {
  used: 'This invitation has already been used. Ask the person who invited you for a new one.',
  revoked: 'This invitation was withdrawn. Ask the person who invited you for a new one.',
  expired: 'This invitation link is invalid or has expired. Ask the person who invited you for a new one.',
};

/** The refusal for a signed-in account whose address is not the invited one. */
export function wrongAccountMessage(invitedEmail: string): string {
  return `This invitation was sent to another e-mail address. Sign out and sign in as ${maskEmail(invitedEmail)}.`;
}

/**
 * Accepts an invitation for the signed-in user whose address it was sent to and who has confirmed
 * that address (a forwarded link must not let someone sign up with the address and join): marks
 * it used (a conditional update, so a link is used only once) and creates the membership together.
 * An existing member keeps their role unless the invitation grants more.
 */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
): Promise<{ workspaceId: string; role: Role } | ActionFailure> {
  const db = await executor();
  const hash = hashInvitationToken(token);
  return db.transaction(async (tx) => {
    // Read inside the transaction, from the row: the caller's session says nothing about the mailbox.
    const [account] = await tx
      .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, user.id))
      .limit(1);
    if (!account) return fail(INVITATION_MESSAGES.expired);
    const claim = () =>
      tx
        .update(invitations)
        .set({ acceptedAt: sql`now()`, acceptedBy: user.id })
        .where(
          and(
            eq(invitations.tokenHash, hash),
            eq(invitations.email, account.email.toLowerCase()),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .returning({ workspaceId: invitations.workspaceId, role: invitations.role, id: invitations.id });
    const [claimed] = account.verifiedAt ? await claim() : [];
    if (!claimed) {
      const preview = await getInvitationByTokenWith(tx, hash);
      if (!preview) return fail(INVITATION_MESSAGES.expired);
      if (preview.status !== 'pending') return fail(INVITATION_MESSAGES[preview.status]);
      if (preview.email !== account.email.toLowerCase()) return fail(wrongAccountMessage(preview.email));
      return fail(CONFIRM_TO_JOIN_MESSAGE);
    }
    await tx
      .insert(memberships)
      .values({ workspaceId: claimed.workspaceId, userId: user.id, role: claimed.role })
      .onConflictDoUpdate({
        target: [memberships.workspaceId, memberships.userId],
        set: { role: sql`excluded.role` },
        // The enum is declared owner → viewer, so "less than" means more rights.
        setWhere: sql`excluded.role < ${memberships.role}`,
      });
    await tx.insert(activityLog).values({
      workspaceId: claimed.workspaceId,
      userId: user.id,
      action: 'member.join',
      entity: 'member',
      entityId: user.id,
      details: { invitationId: claimed.id, role: claimed.role },
    });
    return { workspaceId: claimed.workspaceId, role: claimed.role };
  });
}

async function getInvitationByTokenWith(
  tx: Awaited<ReturnType<typeof executor>>,
  hash: string,
): Promise<{ email: string; status: InvitationStatus } | null> {
  const [row] = await tx
    .select({
      email: invitations.email,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`.mapWith(Boolean),
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, hash))
    .limit(1);
  if (!row) return null;
  return { email: row.email, status: row.acceptedAt ? 'used' : row.revokedAt ? 'revoked' : row.expired ? 'expired' : 'pending' };
}
