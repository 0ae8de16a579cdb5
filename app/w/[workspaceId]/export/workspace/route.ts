import { workspaceRoute } from '@/lib/action';
import { buildWorkspaceBackup, exportFileName } from '@/lib/data/export';

/** The whole workspace as one JSON document, for owners. */
export const GET = workspaceRoute({ permission: 'workspace.export' }, async ({ ctx, workspace }) => {
  const backup = await buildWorkspaceBackup(ctx);
  return new Response(JSON.stringify(backup, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(workspace.name, 'backup', 'json')}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
