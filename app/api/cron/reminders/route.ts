import { createHash, timingSafeEqual } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { pruneIdempotencyKeys } from '@/lib/action';
import { runReminders } from '@/lib/data/reminders/schedule';
import { pruneUserSessions, SESSION_IDLE_MS } from '@/lib/data/sessions';
import { pruneThrottles, THROTTLE_MEMORY_MS } from '@/lib/data/throttle';
import { env } from '@/lib/env';

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
  const summary = await runReminders();
  // Upkeep rides on the same schedule: records of finished submissions past their day go, and so
  // do rate-limit counters and device sessions that can no longer affect anything.
  const pruned = await pruneIdempotencyKeys();
  const now = new Date();
  await pruneThrottles(new Date(now.getTime() - THROTTLE_MEMORY_MS), { now });
  await pruneUserSessions(new Date(now.getTime() - SESSION_IDLE_MS));
  return NextResponse.json({ ok: true, sent: summary, prunedSubmissionKeys: pruned }, { headers: { 'Cache-Control': 'no-store' } });
}

/** Any scheduler: `curl -X POST -H "Authorization: Bearer $CRON_SECRET" …/api/cron/reminders`. */
export async function POST(request: NextRequest) {
  return handle(request);
}

/** Vercel Cron calls with GET and the same bearer header. */
export async function GET(request: NextRequest) {
  return handle(request);
}
