import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { activityLog } from '@/db/schema';
import type { WorkspaceCtx } from '@/lib/data/context';
import { getMembership } from '@/lib/data/workspaces';
import { can, ForbiddenError, type Permission } from '@/lib/permissions';
import { getCurrentUser } from '@/lib/session';
import type { SessionUser } from '@/lib/data/users';
import { isUuid } from '@/lib/workspace';

export type FieldErrors = Record<string, string[]>;
export type ActionFailure = { ok: false; formError?: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** An expected failure for a handler to return; the wrapper rolls the transaction back. */
export function fail(formError?: string, fieldErrors?: FieldErrors): ActionFailure {
  return { ok: false, formError, fieldErrors };
}

function isFailure(value: unknown): value is ActionFailure {
  return typeof value === 'object' && value !== null && (value as ActionFailure).ok === false;
}

class Rollback extends Error {
  constructor(readonly result: ActionFailure) {
    super('rollback');
  }
}

/** zod issues as field → messages, keyed by the dotted path of each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const MESSAGES = {
  signedOut: 'Your session has ended. Sign in again to continue.',
  notFound: 'This workspace does not exist or you no longer have access to it.',
  forbidden: 'Your role in this workspace does not allow this.',
  invalid: 'Some fields need attention.',
} as const;

export interface ActionCtx extends WorkspaceCtx {
  user: SessionUser;
  tx: NonNullable<WorkspaceCtx['tx']>;
}

interface WorkspaceActionOptions<S extends z.ZodType> {
  schema: S;
  permission: Permission;
  /** Name written to the activity log, e.g. "contact.create". */
  activity: string;
}

/**
 * The one wrapper for workspace mutations: authenticate → membership (fresh, every call) →
 * declared permission → zod → transaction → activity log → typed result.
 */
export function workspaceAction<S extends z.ZodType, T>(
  options: WorkspaceActionOptions<S>,
  handler: (ctx: ActionCtx, input: z.output<S>) => Promise<T | ActionFailure>,
): (workspaceId: string, input: z.input<S>) => Promise<ActionResult<T>> {
  return async (workspaceId, input) => {
    const user = await getCurrentUser();
    if (!user) return fail(MESSAGES.signedOut);
    if (!isUuid(workspaceId)) return fail(MESSAGES.notFound);
    const membership = await getMembership(user.id, workspaceId);
    if (!membership) return fail(MESSAGES.notFound);
    if (!can(membership.role, options.permission)) return fail(MESSAGES.forbidden);
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return fail(MESSAGES.invalid, fieldErrorsOf(parsed.error));
    const db = await getDb();
    try {
      const data = await db.transaction(async (tx) => {
        const ctx: ActionCtx = { userId: user.id, workspaceId, role: membership.role, user, tx };
        const result = await handler(ctx, parsed.data);
        if (isFailure(result)) throw new Rollback(result);
        const entityId = (result as { id?: unknown } | null)?.id;
        await tx.insert(activityLog).values({
          workspaceId,
          userId: user.id,
          action: options.activity,
          entity: options.activity.split('.')[0],
          entityId: isUuid(entityId) ? entityId : null,
        });
        return result as T;
      });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof Rollback) return err.result;
      if (err instanceof ForbiddenError) return fail(MESSAGES.forbidden);
      throw err;
    }
  };
}

/** The wrapper for actions anyone may call (sign-up, sign-in): zod → handler → typed result. */
export function publicAction<S extends z.ZodType, T>(
  options: { schema: S },
  handler: (input: z.output<S>) => Promise<T | ActionFailure>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return fail(MESSAGES.invalid, fieldErrorsOf(parsed.error));
    const result = await handler(parsed.data);
    if (isFailure(result)) return result;
    return { ok: true, data: result as T };
  };
}
