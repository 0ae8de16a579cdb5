import { workspaceRoute } from '@/lib/action';
import { exportFileName, opportunitiesCsv } from '@/lib/data/export';
import { opportunityListQuery } from '@/lib/schemas/opportunity';
import { csvResponse } from '../_lib/csv-response';

/** The opportunities list as CSV, with the list's own filters (stage, q). */
export const GET = workspaceRoute({ permission: 'workspace.read', query: opportunityListQuery }, async ({ ctx, workspace, query }) =>
  csvResponse(opportunitiesCsv(ctx, { stage: query.stage, q: query.q }), exportFileName(workspace.name, 'opportunities', 'csv')),
);
