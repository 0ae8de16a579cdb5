import 'server-only';
import type { Executor } from '@/db';
import { getDb } from '@/lib/data/context';

// The one failure shape of every data function, action and route: expected failures are returned,
// never thrown. lib/action.ts re-exports all of it for routes and actions.

export type FieldErrors = Record<string, string[]>;
export type ActionFailure = { ok: false; formError?: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** An expected failure for a handler to return; the wrapper rolls the transaction back. */
export function fail(formError?: string, fieldErrors?: FieldErrors): ActionFailure {
  return { ok: false, formError, fieldErrors };
}

/** True when a data function returned an expected failure instead of its result. */
export function isFailure(value: unknown): value is ActionFailure {
  return typeof value === 'object' && value !== null && (value as ActionFailure).ok === false;
}

/** Thrown inside a transaction to roll it back with an expected failure; caught where it began. */
export class Rollback extends Error {
  constructor(readonly result: ActionFailure) {
    super('rollback');
  }
}

/**
 * Runs a multi-row write in the caller's transaction (an action's), or in one of its own when
 * called outside an action; a failure it returns rolls its own transaction back (inside an action
 * the wrapper rolls the whole action back).
 */
export async function inTransaction<T>(ctx: { tx?: Executor }, work: (tx: Executor) => Promise<T | ActionFailure>): Promise<T | ActionFailure> {
  if (ctx.tx) return work(ctx.tx);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (isFailure(result)) throw new Rollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result;
    throw err;
  }
}

