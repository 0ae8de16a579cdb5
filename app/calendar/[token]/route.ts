import { listFeedEvents, userForFeedToken } from '@/lib/data/calendar';
import { appOrigin } from '@/lib/env';
import { buildCalendar } from '@/lib/ics';

// Calendar apps fetch this without a session: the unguessable token in the URL is the credential.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const userId = await userForFeedToken(token.replace(/\.ics$/i, ''));
  if (!userId) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const origin = appOrigin(new URL(request.url).origin);
  const events = await listFeedEvents(userId, { origin });
  return new Response(buildCalendar({ name: 'Groundwork follow-ups', events }), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="groundwork.ics"',
      'Cache-Control': 'private, max-age=300',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}
