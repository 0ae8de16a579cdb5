import { importLinkedinConnections, previewLinkedinImport } from '@/lib/data/import/linkedin';
import { parseLinkedinConnections } from '@/lib/import/linkedin';
import { fail, readUpload, routeContext } from '../_lib/route-context';

/** Previews (?mode=preview) or imports (?mode=import) LinkedIn's Connections.csv, sent as the request body. */
export async function POST(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const resolved = await routeContext(workspaceId, 'records.write');
  if (resolved instanceof Response) return resolved;
  const body = await readUpload(request);
  if (body instanceof Response) return body;
  const parsed = parseLinkedinConnections(body);
  if (!parsed.ok) return fail(422, parsed.error);
  if (parsed.connections.length === 0) return fail(422, 'The file lists no connections.');
  const mode = new URL(request.url).searchParams.get('mode');
  const plan =
    mode === 'import'
      ? await importLinkedinConnections(resolved.ctx, parsed.connections, parsed.skipped)
      : await previewLinkedinImport(resolved.ctx, parsed.connections, parsed.skipped);
  return Response.json({ ok: true, imported: mode === 'import', plan }, { headers: { 'Cache-Control': 'private, no-store' } });
}
