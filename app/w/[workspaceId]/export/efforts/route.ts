import { effortsCsv, exportFileName } from '@/lib/data/export';
import { effortFiltersSchema } from '@/lib/schemas/effort';
import { routeContext } from '../../import/_lib/route-context';
import { csvResponse } from '../_lib/csv-response';

/** The efforts list as CSV, with the list's own filters (channel, from, to, q). */
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const resolved = await routeContext(workspaceId, 'workspace.read');
  if (resolved instanceof Response) return resolved;
  const filters = effortFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lines = effortsCsv(resolved.ctx, { channel: filters.channel, from: filters.from, to: filters.to, q: filters.q });
  return csvResponse(lines, exportFileName(resolved.workspace.name, 'efforts', 'csv'));
}
