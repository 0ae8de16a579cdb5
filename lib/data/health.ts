import 'server-only';
import { sql } from 'drizzle-orm';
import { migrationStatus } from '@/db';
import { getDb } from './context';

/** Set by the production server (scripts/serve.mjs) once SIGTERM arrives. */
const DRAINING = Symbol.for('groundwork.draining');

export type Readiness =
  | { ready: true; database: 'ok'; migrations: { expected: number; applied: number } }
  | { ready: false; reason: 'draining' | 'database unreachable' | 'migrations pending'; pending?: number };

/** Whether this instance should get traffic: not shutting down, database answering, schema current. */
export async function readiness(): Promise<Readiness> {
  if ((globalThis as Record<symbol, unknown>)[DRAINING] === true) return { ready: false, reason: 'draining' };
  let db;
  try {
    db = await getDb();
    await db.execute(sql`select 1`);
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
  try {
    const status = await migrationStatus(db);
    if (status.pending > 0) return { ready: false, reason: 'migrations pending', pending: status.pending };
    return { ready: true, database: 'ok', migrations: { expected: status.expected, applied: status.applied } };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
}
