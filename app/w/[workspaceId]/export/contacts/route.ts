import { contactsCsv, exportFileName } from '@/lib/data/export';
import { contactListQuerySchema } from '@/lib/schemas/contact';
import { routeContext } from '../../import/_lib/route-context';
import { csvResponse } from '../_lib/csv-response';

/** The contacts list as CSV, with the list's own filters (q, tag, cold). */
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const resolved = await routeContext(workspaceId, 'workspace.read');
  if (resolved instanceof Response) return resolved;
  const query = contactListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const lines = contactsCsv(resolved.ctx, { q: query.q, tag: query.tag, goingCold: query.cold });
  return csvResponse(lines, exportFileName(resolved.workspace.name, 'contacts', 'csv'));
}
