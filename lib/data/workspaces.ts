import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { memberships, workspaces, type Role } from '@/db/schema';
import { assertCan } from '@/lib/permissions';
import type { WorkspaceSettings } from '@/lib/schemas/workspace';
import type { Executor } from '@/db';
import { executor, type WorkspaceCtx } from './context';

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}

export interface WorkspaceDetails {
  id: string;
  name: string;
  targetNiche: string;
  hourlyValue: number | null;
  currency: string;
  /** Days of keep-in-touch cadence a new contact starts with; null for none. */
  defaultCadenceDays: number | null;
}

const detailColumns = {
  id: workspaces.id,
  name: workspaces.name,
  targetNiche: workspaces.targetNiche,
  hourlyValue: workspaces.hourlyValue,
  currency: workspaces.currency,
  defaultCadenceDays: workspaces.defaultCadenceDays,
};

/** The user's role in a workspace, or null when they are not a member. Never cached across requests. */
export async function getMembership(
  userId: string,
  workspaceId: string,
): Promise<{ role: Role; workspace: WorkspaceDetails } | null> {
  const db = await executor();
  const [row] = await db
    .select({ role: memberships.role, ...detailColumns })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  if (!row) return null;
  const { role, ...workspace } = row;
  return { role, workspace };
}

/** Every workspace the user belongs to with its settings, oldest membership first (the personal one leads). */
export async function listMyWorkspaces(
  userId: string,
): Promise<Array<WorkspaceSummary & WorkspaceDetails & { dataVersion: number }>> {
  const db = await executor();
  return db
    .select({ ...detailColumns, role: memberships.role, dataVersion: workspaces.dataVersion })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name));
}

/** The workspace's settings as its members see them. */
export async function getWorkspace(ctx: WorkspaceCtx): Promise<WorkspaceDetails | null> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  const [row] = await db.select(detailColumns).from(workspaces).where(eq(workspaces.id, ctx.workspaceId)).limit(1);
  return row ?? null;
}

/** Renames the workspace and sets its niche, hourly value, currency and new contacts' cadence. */
export async function updateWorkspaceSettings(ctx: WorkspaceCtx, input: WorkspaceSettings): Promise<WorkspaceDetails> {
  assertCan(ctx, 'workspace.settings');
  const db = await executor(ctx);
  const [row] = await db
    .update(workspaces)
    .set({
      name: input.name,
      targetNiche: input.targetNiche,
      hourlyValue: input.hourlyValue,
      currency: input.currency,
      defaultCadenceDays: input.defaultCadenceDays,
    })
    .where(eq(workspaces.id, ctx.workspaceId))
    .returning(detailColumns);
  return row;
}

/**
 * The cadence a contact added now starts with: the workspace's default. Every path that creates
 * contacts from scratch (forms, quick paths, imports) asks here; restoring a backup keeps its own.
 */
export async function defaultCadenceDays(db: Executor, workspaceId: string): Promise<number | null> {
  const [row] = await db
    .select({ days: workspaces.defaultCadenceDays })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return row?.days ?? null;
}
