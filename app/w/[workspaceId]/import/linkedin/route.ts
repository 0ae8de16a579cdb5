import { errorResponse, jsonResponse, workspaceRoute } from '@/lib/action';
import { importLinkedinConnections, previewLinkedinImport } from '@/lib/data/import/linkedin';
import { parseLinkedinConnections } from '@/lib/import/linkedin';
import { plainForm } from '../_lib/plain-form';

/** Previews (?mode=preview) or imports (?mode=import) LinkedIn's Connections.csv, sent as the request body. */
export const POST = plainForm(
  'linkedin',
  workspaceRoute({ permission: 'records.write', upload: true }, async ({ ctx, search, body }) => {
  const parsed = parseLinkedinConnections(body);
  if (!parsed.ok) return errorResponse(422, parsed.error);
  if (parsed.connections.length === 0) return errorResponse(422, 'The file lists no connections.');
  const imported = search.get('mode') === 'import';
  const plan = imported
    ? await importLinkedinConnections(ctx, parsed.connections, parsed.skipped)
    : await previewLinkedinImport(ctx, parsed.connections, parsed.skipped);
  return jsonResponse({ ok: true, imported, plan });
}),
);
