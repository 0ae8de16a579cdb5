import { createHash, timingSafeEqual } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { runScheduled } from '@/lib/scheduled-run';

export const dynamic = 'force-dynamic';

/** Compares digests so neither the length nor the content of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

async function handle(request: NextRequest): Promise<NextResponse> {
  const secret = env().CRON_SECRET;
  if (!secret) {
    return NextResponse.json({ error: 'Scheduled reminders are not configured: set CRON_SECRET.' }, { status: 503 });
  }
  const header = request.headers.get('authorization') ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!given || !sameSecret(given, secret)) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const { sent, prunedSubmissionKeys } = await runScheduled();
  return NextResponse.json({ ok: true, sent, prunedSubmissionKeys }, { headers: { 'Cache-Control': 'no-store' } });
}

/** Any scheduler: `curl -X POST -H "Authorization: Bearer $CRON_SECRET" …/api/cron/reminders`. */
export async function POST(request: NextRequest) {
  return handle(request);
}

/** Vercel Cron calls with GET and the same bearer header. */
export async function GET(request: NextRequest) {
  return handle(request);
}
