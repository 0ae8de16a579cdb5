import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { listMyWorkspaces, type WorkspaceDetails } from '@/lib/data/workspaces';
import type { WorkspaceCtx } from '@/lib/data/context';
import { requireUser } from '@/lib/session';
import type { SessionUser } from '@/lib/data/users';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WorkspacePageCtx extends WorkspaceCtx {
  user: SessionUser;
  /** With the data version read this request, which keys the views cached in memory. */
  workspace: WorkspaceDetails & { dataVersion: number };
}

/** The caller's workspaces with their settings, read once per request (the switcher and the membership check share it). */
export const myWorkspaces = cache((userId: string) => listMyWorkspaces(userId));

/**
 * The one place a page resolves membership: the caller's role in the workspace named by the URL.
 * A non-member gets the same 404 as a workspace that does not exist.
 */
export const requireWorkspace = cache(async (workspaceId: string): Promise<WorkspacePageCtx> => {
  const user = await requireUser();
  if (!UUID.test(workspaceId)) notFound();
  const wanted = workspaceId.toLowerCase();
  const membership = (await myWorkspaces(user.id)).find((w) => w.id === wanted);
  if (!membership) notFound();
  const { role, ...workspace } = membership;
  return { userId: user.id, workspaceId, role, user, workspace };
});

/** True for a string shaped like a workspace id. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Where a signed-in user lands: their first (personal) workspace. */
export async function landingFor(userId: string): Promise<string> {
  const [first] = await myWorkspaces(userId);
  return first ? `/w/${first.id}` : '/account';
}
