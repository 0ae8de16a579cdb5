import { z } from 'zod';
import { fail, routeContext } from '@/app/w/[workspaceId]/import/_lib/route-context';
import { listContactChoices } from '@/lib/data/opportunities';
import { NO_CONTROL_CHARS } from '@/lib/schemas/common';

const query = z.string().trim().min(2).max(100).regex(NO_CONTROL_CHARS);

/** Contacts whose name or company contains q, for pickers that list only the most recent ones. */
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const route = await routeContext(workspaceId, 'workspace.read');
  if (route instanceof Response) return route;
  const q = query.safeParse(new URL(request.url).searchParams.get('q') ?? '');
  if (!q.success) return fail(400, 'Type at least two characters, up to 100.');
  const choices = await listContactChoices(route.ctx, { q: q.data });
  return Response.json({ ok: true, choices }, { headers: { 'Cache-Control': 'private, no-store' } });
}
