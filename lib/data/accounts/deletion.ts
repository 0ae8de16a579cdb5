import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { contacts, efforts, mailOutbox, memberships, opportunities, users, workspaces, type Role } from '@/db/schema';
import { executor } from '../context';
import { deleteThrottlesFor } from '../throttle';
import type { SignInOpts } from './common';
import { confirmPassword } from './sign-in';

// Deleting the account with everything only it holds, and saying beforehand what that will be.

export interface WorkspaceFootprint {
  id: string;
  name: string;
  role: Role;
  otherMembers: number;
  efforts: number;
  contacts: number;
  opportunities: number;
}

export interface DeletionPlan {
  /** Workspaces only they belong to: deleted with the account. */
  deleted: WorkspaceFootprint[];
  /** Workspaces they alone own but share with others: transfer ownership first, or delete too. */
  shared: WorkspaceFootprint[];
  /** Workspaces they only leave: someone else owns them too, or they are not an owner. */
  left: WorkspaceFootprint[];
}

type Db = Awaited<ReturnType<typeof executor>>;

async function footprints(db: Db, userId: string): Promise<Array<WorkspaceFootprint & { otherOwners: number }>> {
  const others = (role?: Role) =>
    sql<number>`(select count(*) from ${memberships} m2 where m2.workspace_id = ${workspaces.id} and m2.user_id <> ${userId}${role ? sql` and m2.role = ${role}` : sql``})`.mapWith(Number);
  const count = (table: typeof efforts | typeof contacts | typeof opportunities) =>
    sql<number>`(select count(*) from ${table} t where t.workspace_id = ${workspaces.id})`.mapWith(Number);
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      role: memberships.role,
      otherMembers: others(),
      otherOwners: others('owner'),
      efforts: count(efforts),
      contacts: count(contacts),
      opportunities: count(opportunities),
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt, workspaces.name);
}

function classify(rows: Array<WorkspaceFootprint & { otherOwners: number }>): DeletionPlan {
  const plan: DeletionPlan = { deleted: [], shared: [], left: [] };
  for (const { otherOwners, ...w } of rows) {
    if (w.role === 'owner' && w.otherMembers === 0) plan.deleted.push(w);
    else if (w.role === 'owner' && otherOwners === 0) plan.shared.push(w);
    else plan.left.push(w);
  }
  return plan;
}

/** What deleting the account would delete, what needs a decision, and what it would only leave. */
export async function getDeletionPlan(userId: string): Promise<DeletionPlan> {
  return classify(await footprints(await executor(), userId));
}

export type DeleteAccountResult =
  | { ok: true }
  | { ok: false; reason: 'wrong_password'; retryAfterMs?: number }
  | { ok: false; reason: 'shared_workspaces'; workspaces: { id: string; name: string }[] };

/**
 * Deletes the account and everything that is only theirs, in one transaction: workspaces they
 * alone belong to (and, when asked, shared ones they alone own) with all their records, their
 * memberships elsewhere, sessions, links, counters and the mail kept for them. Comments they
 * wrote in other people's workspaces stay, without an author.
 */
export async function deleteAccount(
  userId: string,
  input: { password: string; deleteSharedWorkspaces: boolean },
  ip: string,
  { now = new Date(), deviceNonce }: SignInOpts = {},
): Promise<DeleteAccountResult> {
  const check = await confirmPassword(userId, input.password, ip, { now, deviceNonce });
  if (!check.ok) return { ok: false, reason: 'wrong_password', retryAfterMs: check.retryAfterMs };
  const db = await executor();
  return db.transaction(async (tx) => {
    // Read again inside the transaction: a member may have joined since the page was shown.
    const plan = classify(await footprints(tx, userId));
    if (plan.shared.length > 0 && !input.deleteSharedWorkspaces) {
      return { ok: false, reason: 'shared_workspaces', workspaces: plan.shared.map((w) => ({ id: w.id, name: w.name })) } as const;
    }
    const doomed = [...plan.deleted, ...plan.shared].map((w) => w.id);
    if (doomed.length > 0) {
      // Only workspaces this user still owns, checked in the same statement.
      await tx.delete(workspaces).where(
        and(
          inArray(workspaces.id, doomed),
          inArray(
            workspaces.id,
            tx
              .select({ id: memberships.workspaceId })
              .from(memberships)
              .where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner'))),
          ),
        ),
      );
    }
    await deleteThrottlesFor(check.email, userId, { tx });
    await tx.delete(mailOutbox).where(eq(mailOutbox.to, check.email));
    // Memberships, sessions, e-mail links and private notes go with the user row (on delete cascade).
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true } as const;
  });
}
