import 'server-only';
import { MESSAGES } from '@/lib/action';
import type { WorkspaceCtx } from '@/lib/data/context';
import type { SessionUser } from '@/lib/data/users';
import { getMembership, type WorkspaceDetails } from '@/lib/data/workspaces';
import { MAX_FILE_BYTES } from '@/lib/import/csv';
import { can, type Permission } from '@/lib/permissions';
import { getCurrentUser } from '@/lib/session';
import { isUuid } from '@/lib/workspace';

export interface RouteCtx {
  ctx: WorkspaceCtx;
  user: SessionUser;
  workspace: WorkspaceDetails;
}

const json = (status: number, error: string) =>
  Response.json({ ok: false, error }, { status, headers: { 'Cache-Control': 'private, no-store' } });

/**
 * The same checks as the action wrapper, for route handlers (file uploads and downloads):
 * a fresh session, membership of the workspace in the URL, and the declared permission.
 */
export async function routeContext(workspaceId: string, permission: Permission): Promise<RouteCtx | Response> {
  const user = await getCurrentUser();
  if (!user) return json(401, MESSAGES.signedOut);
  if (!isUuid(workspaceId)) return json(404, MESSAGES.notFound);
  const membership = await getMembership(user.id, workspaceId);
  if (!membership) return json(404, MESSAGES.notFound);
  if (!can(membership.role, permission)) return json(403, MESSAGES.forbidden);
  return { ctx: { userId: user.id, workspaceId, role: membership.role }, user, workspace: membership.workspace };
}

/** A JSON error answer the import forms show as is. */
export function fail(status: number, error: string): Response {
  return json(status, error);
}

/**
 * The uploaded file, sent as the raw request body. Refuses files over the limit, and bodies that
 * arrived shorter than announced (a proxy cutting a large upload must not import half a file).
 */
export async function readUpload(request: Request): Promise<Uint8Array | Response> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.`;
  if (Number.isFinite(declared) && declared > MAX_FILE_BYTES) return fail(413, tooLarge);
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_FILE_BYTES) return fail(413, tooLarge);
  if (Number.isFinite(declared) && declared !== body.byteLength) {
    return fail(400, 'The upload was cut off. Try again, or split the file into smaller ones.');
  }
  if (body.byteLength === 0) return fail(400, 'Choose a file first.');
  return body;
}
