import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { memberships, users, type Role } from '@/db/schema';
import { fail, type ActionFailure } from '@/lib/result';
import { assertCan } from '@/lib/permissions';
import type { ChangeRole } from '@/lib/schemas/team';
import { executor, type WorkspaceCtx } from './context';


export const LAST_OWNER_MESSAGE =
  'A workspace needs at least one owner. Make someone else an owner first (Transfer ownership), then try again.';
export const NOT_A_MEMBER_MESSAGE = 'This person is no longer a member of this workspace. Reload the page.';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

// Teams are small; this caps a runaway list without paging the members page.
const MEMBER_LIMIT = 500;

/** The workspace's members, owners first, then by name. */
export async function listMembers(ctx: WorkspaceCtx): Promise<Member[]> {
  assertCan(ctx, 'members.read');
  const db = await executor(ctx);
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.workspaceId))
    // The role enum is declared owner → viewer, so it sorts by rank.
    .orderBy(asc(memberships.role), asc(users.name), asc(users.id))
    .limit(MEMBER_LIMIT);
}

/**
 * Locks the workspace's owner rows for the rest of the transaction and returns their user ids,
 * so two owners demoting each other at once cannot leave the workspace without one.
 */
async function lockOwners(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
    .for('update');
  return rows.map((r) => r.userId);
}

async function lockMembership(db: Executor, workspaceId: string, userId: string): Promise<{ id: string; role: Role } | null> {
  const [row] = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .for('update');
  return row ?? null;
}

/** True when removing `userId` as an owner would leave no owner. Locks the owner rows. */
async function wouldLoseLastOwner(db: Executor, workspaceId: string, userId: string): Promise<boolean> {
  const owners = await lockOwners(db, workspaceId);
  return owners.includes(userId) && owners.length <= 1;
}

/** Changes a member's role; the last owner cannot be demoted. */
export async function changeMemberRole(ctx: WorkspaceCtx, input: ChangeRole): Promise<{ id: string; role: Role } | ActionFailure> {
  assertCan(ctx, 'members.manage');
  const db = await executor(ctx);
  const target = await lockMembership(db, ctx.workspaceId, input.userId);
  if (!target) return fail(NOT_A_MEMBER_MESSAGE);
  if (target.role === input.role) return { id: input.userId, role: input.role };
  if (target.role === 'owner' && (await wouldLoseLastOwner(db, ctx.workspaceId, input.userId))) {
    return fail(LAST_OWNER_MESSAGE, { role: [LAST_OWNER_MESSAGE] });
  }
  await db
    .update(memberships)
    .set({ role: input.role })
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, input.userId)));
  return { id: input.userId, role: input.role };
}

/** Removes a member; the last owner cannot be removed. Takes effect on their next request. */
export async function removeMember(ctx: WorkspaceCtx, userId: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'members.manage');
  const db = await executor(ctx);
  const target = await lockMembership(db, ctx.workspaceId, userId);
  if (!target) return fail(NOT_A_MEMBER_MESSAGE);
  if (target.role === 'owner' && (await wouldLoseLastOwner(db, ctx.workspaceId, userId))) return fail(LAST_OWNER_MESSAGE);
  await db.delete(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  return { id: userId };
}

/** The caller leaves the workspace; an owner only while another owner remains. */
export async function leaveWorkspace(ctx: WorkspaceCtx): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const me = await lockMembership(db, ctx.workspaceId, ctx.userId);
  if (!me) return fail(NOT_A_MEMBER_MESSAGE);
  if (me.role === 'owner' && (await wouldLoseLastOwner(db, ctx.workspaceId, ctx.userId))) {
    return fail('You are the only owner. Transfer ownership to another member before you leave.');
  }
  await db.delete(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, ctx.userId)));
  return { id: ctx.userId };
}

/** Makes another member an owner and the caller an editor, together. */
export async function transferOwnership(ctx: WorkspaceCtx, userId: string): Promise<{ id: string } | ActionFailure> {
  assertCan(ctx, 'members.manage');
  if (ctx.role !== 'owner') return fail('Only an owner can hand over ownership.');
  if (userId === ctx.userId) return fail('Choose another member to become the owner.');
  const db = await executor(ctx);
  await lockOwners(db, ctx.workspaceId);
  const target = await lockMembership(db, ctx.workspaceId, userId);
  if (!target) return fail(NOT_A_MEMBER_MESSAGE);
  const me = await lockMembership(db, ctx.workspaceId, ctx.userId);
  if (me?.role !== 'owner') return fail('Only an owner can hand over ownership.');
  await db
    .update(memberships)
    .set({ role: sql`case when ${memberships.userId} = ${userId} then 'owner'::role else 'editor'::role end` })
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), inArray(memberships.userId, [userId, ctx.userId])));
  return { id: userId };
}
