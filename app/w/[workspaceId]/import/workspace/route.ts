import { isFailure } from '@/lib/action';
import { importBackupAsNewWorkspace, importBackupIntoWorkspace } from '@/lib/data/import/backup';
import { parseBackup } from '@/lib/import/backup';
import { decodeUtf8 } from '@/lib/import/csv';
import { fail, readUpload, routeContext } from '../_lib/route-context';

/**
 * Restores a workspace export, sent as the request body: ?target=new creates a workspace owned by
 * the caller; ?target=this fills this workspace, which must be empty and the caller's own.
 */
export async function POST(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const target = new URL(request.url).searchParams.get('target') === 'this' ? 'this' : 'new';
  const resolved = await routeContext(workspaceId, target === 'this' ? 'workspace.settings' : 'workspace.read');
  if (resolved instanceof Response) return resolved;
  const body = await readUpload(request);
  if (body instanceof Response) return body;
  const text = decodeUtf8(body);
  if (!text.ok) return fail(422, text.error);
  const parsed = parseBackup(text.text);
  if (!parsed.ok) return fail(422, parsed.error);
  const result =
    target === 'this'
      ? await importBackupIntoWorkspace(resolved.ctx, parsed.backup, resolved.user.name)
      : await importBackupAsNewWorkspace(resolved.user, parsed.backup);
  if (isFailure(result)) return fail(409, result.formError ?? 'The backup could not be restored.');
  return Response.json({ ok: true, workspaceId: result.id, refused: parsed.refused }, { headers: { 'Cache-Control': 'private, no-store' } });
}
