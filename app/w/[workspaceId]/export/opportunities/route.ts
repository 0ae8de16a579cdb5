import { exportFileName, opportunitiesCsv } from '@/lib/data/export';
import { opportunityListQuery } from '@/lib/schemas/opportunity';
import { routeContext } from '../../import/_lib/route-context';
import { csvResponse } from '../_lib/csv-response';

/** The opportunities list as CSV, with the list's own filters (stage, q). */
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const resolved = await routeContext(workspaceId, 'workspace.read');
  if (resolved instanceof Response) return resolved;
  const query = opportunityListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lines = opportunitiesCsv(resolved.ctx, { stage: query.stage, q: query.q });
  return csvResponse(lines, exportFileName(resolved.workspace.name, 'opportunities', 'csv'));
}
