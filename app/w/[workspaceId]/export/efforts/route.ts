import { workspaceRoute } from '@/lib/action';
import { effortsCsv, exportFileName } from '@/lib/data/export';
import { effortFiltersSchema } from '@/lib/schemas/effort';
import { csvResponse } from '../_lib/csv-response';

/** The efforts list as CSV, with the list's own filters (channel, from, to, q). */
export const GET = workspaceRoute({ permission: 'workspace.read', query: effortFiltersSchema }, async ({ ctx, workspace, query }) => {
  const lines = effortsCsv(ctx, { channel: query.channel, from: query.from, to: query.to, q: query.q });
  return csvResponse(lines, exportFileName(workspace.name, 'efforts', 'csv'));
});
