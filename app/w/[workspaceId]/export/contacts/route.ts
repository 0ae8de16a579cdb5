import { workspaceRoute } from '@/lib/action';
import { contactsCsv, exportFileName } from '@/lib/data/export';
import { contactListQuerySchema } from '@/lib/schemas/contact';
import { csvResponse } from '../_lib/csv-response';

/** The contacts list as CSV, with the list's own filters (q, tag, cold). */
export const GET = workspaceRoute({ permission: 'workspace.read', query: contactListQuerySchema }, async ({ ctx, workspace, query }) =>
  csvResponse(contactsCsv(ctx, { q: query.q, tag: query.tag, goingCold: query.cold }), exportFileName(workspace.name, 'contacts', 'csv')),
);
