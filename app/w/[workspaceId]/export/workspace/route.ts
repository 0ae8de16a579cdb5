import { buildWorkspaceBackup, exportFileName } from '@/lib/data/export';
import { routeContext } from '../../import/_lib/route-context';

/** The whole workspace as one JSON document, for owners. */
export async function GET(_request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const resolved = await routeContext(workspaceId, 'workspace.export');
  if (resolved instanceof Response) return resolved;
  const backup = await buildWorkspaceBackup(resolved.ctx);
  return new Response(JSON.stringify(backup, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(resolved.workspace.name, 'backup', 'json')}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
