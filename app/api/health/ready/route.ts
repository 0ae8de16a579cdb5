import { NextResponse } from 'next/server';
import { readiness } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when this instance can serve (database reachable, migrations current), else 503. */
export async function GET() {
  const result = await readiness();
  const body = result.ready ? { status: 'ready', database: result.database, migrations: result.migrations } : { status: 'not ready', reason: result.reason, ...(result.pending ? { pending: result.pending } : {}) };
  return NextResponse.json(body, { status: result.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
