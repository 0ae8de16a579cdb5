import type { ReactNode } from 'react';
import { can, type Permission } from '@/lib/permissions';
import { requireWorkspace, type WorkspacePageCtx } from '@/lib/workspace';
import { NotAllowed } from './not-allowed';

/** A page's query as Next passes it. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What a page of one workspace renders from. */
export interface WorkspacePageArgs<P> {
  ctx: WorkspacePageCtx;
  workspaceId: string;
  /** The route's other segments, e.g. `{ contactId }`. */
  params: P;
  searchParams: Promise<SearchParams>;
}

/** What Next passes the page. */
interface PageProps<P> {
  params: Promise<P & { workspaceId: string }>;
  searchParams: Promise<SearchParams>;
}

/** A permission the whole page needs, and what a member whose role lacks it is told and offered. */
export interface PageGate {
  permission: Permission;
  /** Ends "This page is for …". */
  purpose: string;
  /** Where the way back leads, inside the workspace ('' for the dashboard, '/contacts'…). */
  back: { path: string; label: string };
}

/**
 * A page under /w/[workspaceId]: the caller's membership from the URL (a non-member gets the same
 * 404 as a missing workspace), then, with a gate, the role check before anything is read.
 */
export function workspacePage<P extends Record<string, string> = Record<never, never>>(
  render: (page: WorkspacePageArgs<P>) => Promise<ReactNode>,
): (props: PageProps<P>) => Promise<ReactNode>;
export function workspacePage<P extends Record<string, string> = Record<never, never>>(
  gate: PageGate,
  render: (page: WorkspacePageArgs<P>) => Promise<ReactNode>,
): (props: PageProps<P>) => Promise<ReactNode>;
export function workspacePage<P extends Record<string, string>>(
  ...args: [render: (page: WorkspacePageArgs<P>) => Promise<ReactNode>] | [gate: PageGate, render: (page: WorkspacePageArgs<P>) => Promise<ReactNode>]
): (props: PageProps<P>) => Promise<ReactNode> {
  const [gate, render] = args.length === 2 ? args : [undefined, args[0]];
  return async function WorkspacePage({ params, searchParams }) {
    const { workspaceId, ...rest } = await params;
    const ctx = await requireWorkspace(workspaceId);
    if (gate && !can(ctx.role, gate.permission)) {
      return <NotAllowed role={ctx.role} purpose={gate.purpose} back={{ href: `/w/${workspaceId}${gate.back.path}`, label: gate.back.label }} />;
    }
    return render({ ctx, workspaceId, params: rest as unknown as P, searchParams });
  };
}

/** The gate of the pages that add or change records; the way back is the list they belong to. */
export function recordsGate(purpose: 'adding records' | 'changing records', list: 'contacts' | 'efforts' | 'opportunities'): PageGate {
  return { permission: 'records.write', purpose, back: { path: `/${list}`, label: `Back to ${list}` } };
}
