import { csvResponse } from '@/app/w/[workspaceId]/export/_lib/csv-response';
import { MESSAGES } from '@/lib/action';
import { today } from '@/lib/dates';
import { rosterCsv } from '@/lib/data/roster-csv';
import { parseRosterView } from '@/lib/schemas/team';
import { getCurrentUser } from '@/lib/session';

/** The roster as CSV, in the order and with the filter the page shows. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: MESSAGES.signedOut }, { status: 401, headers: { 'Cache-Control': 'private, no-store' } });
  const view = parseRosterView(Object.fromEntries(new URL(request.url).searchParams));
  const day = today();
  return csvResponse(rosterCsv(user.id, view, day), `groundwork-roster-${day}.csv`);
}
