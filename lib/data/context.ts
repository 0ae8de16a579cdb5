import 'server-only';
// Validates the environment (and sets the app's clock when one is given) before any data is read.
import '@/lib/env';
import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { optionsFromEnv, processDatabase, type Db, type Executor } from '@/db';
import { env } from '@/lib/env';
import type { Role } from '@/db/schema';

/** Who is asking, in which workspace, with which role; resolved by requireWorkspace or the action wrapper. */
export interface WorkspaceCtx {
  userId: string;
  workspaceId: string;
  role: Role;
  /** The transaction of the action in progress, when there is one. */
  tx?: Executor;
}

/** The process-wide database, opened from the validated environment on first use. */
export function getDb(): Promise<Db> {
  return processDatabase(() => optionsFromEnv(env()));
}

/** The executor a data-access function should use: the caller's transaction or the shared pool. */
export async function executor(ctx?: { tx?: Executor }): Promise<Executor> {
  return ctx?.tx ?? (await getDb());
}

/** The row with this id, and only while it belongs to the workspace: every lookup by id says both. */
export function inWorkspace(table: { id: PgColumn; workspaceId: PgColumn }, id: string, workspaceId: string): SQL {
  return and(eq(table.id, id), eq(table.workspaceId, workspaceId))!;
}

/** `%` and `_` typed by the user match themselves, not any text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search box's text found in any of these columns, ignoring case; none when the text is blank. */
export function textIn(q: string | undefined, columns: (PgColumn | SQL)[]): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = likePattern(term);
  return or(...columns.map((column) => ilike(column, pattern)));
}
