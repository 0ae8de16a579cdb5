import 'server-only';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { activityLog, users } from '@/db/schema';
import { assertCan } from '@/lib/permissions';
import { executor, type WorkspaceCtx } from './context';

export const AUDIT_PAGE_SIZE = 50;

export interface ActivityEntry {
  id: string;
  at: Date;
  action: string;
  entity: string | null;
  entityId: string | null;
  /** Null when the person's account has since been deleted. */
  actorName: string | null;
}

export interface ActivityPage {
  items: ActivityEntry[];
  /** Cursor for the next (older) page, or null on the last page. */
  nextCursor: string | null;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * "<UTC time to the microsecond>_<id>". JavaScript dates stop at milliseconds while PostgreSQL keeps
 * microseconds, so the time travels as PostgreSQL's own text and no entry is skipped or repeated.
 */
export function encodeActivityCursor(entry: { atText: string; id: string }): string {
  return `${entry.atText}_${entry.id}`;
}

/** The cursor's parts, or null when it is malformed (the list then starts at the newest entry). */
export function parseActivityCursor(cursor: string | undefined | null): { atText: string; id: string } | null {
  const m = typeof cursor === 'string' && cursor.length < 100 ? CURSOR.exec(cursor) : null;
  if (!m) return null;
  // Only a real instant: a cast of "2026-13-45" would fail the query.
  const ms = new Date(`${m[1].slice(0, 23)}Z`);
  if (Number.isNaN(ms.getTime()) || ms.toISOString().slice(0, 23) !== m[1].slice(0, 23)) return null;
  return { atText: m[1], id: m[2].toLowerCase() };
}

/** The workspace's activity log, newest first, a keyset page at a time; owners only. */
export async function listActivity(ctx: WorkspaceCtx, opts: { before?: string | null; limit?: number } = {}): Promise<ActivityPage> {
  assertCan(ctx, 'audit.read');
  const db = await executor(ctx);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? AUDIT_PAGE_SIZE) || 1, 1), 200);
  const before = parseActivityCursor(opts.before);
  const atText = sql<string>`to_char(${activityLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const where = [eq(activityLog.workspaceId, ctx.workspaceId)];
  if (before) {
    const at = sql`${before.atText}::timestamptz`;
    where.push(or(lt(activityLog.at, at), and(eq(activityLog.at, at), lt(activityLog.id, before.id)))!);
  }
  const rows = await db
    .select({
      id: activityLog.id,
      at: activityLog.at,
      atText,
      action: activityLog.action,
      entity: activityLog.entity,
      entityId: activityLog.entityId,
      actorName: users.name,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.userId))
    .where(and(...where))
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ atText: _exact, ...entry }) => entry),
    nextCursor: rows.length > limit && last ? encodeActivityCursor(last) : null,
  };
}
