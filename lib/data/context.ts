import 'server-only';
// Validates the environment (and sets the app's clock when one is given) before any data is read.
import '@/lib/env';
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
