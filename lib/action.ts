import 'server-only';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { redirect } from 'next/navigation';
import { activityLog, idempotencyKeys } from '@/db/schema';
import type { Executor } from '@/db';
import { getDb, type WorkspaceCtx } from '@/lib/data/context';
import { getMembership } from '@/lib/data/workspaces';
import { can, ForbiddenError, type Permission } from '@/lib/permissions';
import { getCurrentUser } from '@/lib/session';
import type { SessionUser } from '@/lib/data/users';
import { isUuid } from '@/lib/workspace';
import { valuesOf, type FormState } from '@/lib/form-data';

// The failure shape lives in lib/result.ts so data functions can use it without loading the
// session and auth modules this wrapper needs; routes and actions import it from here.
import { fail, isFailure, Rollback, type ActionFailure, type ActionResult, type FieldErrors } from './result';
export { fail, inTransaction, isFailure, type ActionFailure, type ActionResult, type FieldErrors } from './result';

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
  staleForm: 'This form is out of date. Reload the page and try again.',
} as const;

const BAD_TEXT = 'This field contains characters that are not allowed';

/**
 * Text the database cannot hold, wherever it sits in a parsed input: NUL (PostgreSQL text refuses
 * it) and lone UTF-16 surrogates (jsonb refuses them). Schemas check most fields already; this
 * catches the rest so such input is a field error, never a failed query.
 */
export function unstorableText(value: unknown, path: string[] = [], out: FieldErrors = {}): FieldErrors {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || !value.isWellFormed()) (out[path.length ? path.join('.') : '_form'] ??= []).push(BAD_TEXT);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableText(item, [...path, String(i)], out));
  } else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) unstorableText(item, [...path, key], out);
  }
  return out;
}

/** What a form may add to any action's input so a repeated submission does its work once. */
export interface IdempotencyInput {
  /** A UUID the client generates once per submission attempt. */
  idempotencyKey?: string;
}

const KEY_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes the idempotency key off an input before zod sees it. `key` is undefined when none was sent
 * and null when one was sent but is not a UUID.
 */
export function splitIdempotencyKey(input: unknown): { key: string | null | undefined; rest: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, 'idempotencyKey')) {
    return { key: undefined, rest: input };
  }
  const { idempotencyKey, ...rest } = input as Record<string, unknown>;
  if (idempotencyKey === undefined || idempotencyKey === null || idempotencyKey === '') return { key: undefined, rest };
  return { key: typeof idempotencyKey === 'string' && KEY_SHAPE.test(idempotencyKey) ? idempotencyKey.toLowerCase() : null, rest };
}

/** The stored result of an earlier call with this key, scoped to the user, workspace and action. */
async function storedResult<T>(db: Executor, key: string, userId: string): Promise<ActionResult<T> | null> {
  const [row] = await db
    .select({ result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.userId, userId)))
    .limit(1);
  return (row?.result as ActionResult<T> | null | undefined) ?? null;
}

/**
 * How long a key stops a repeat. A double tap or a retried request comes within minutes; a day is
 * generous, and the table does not grow without end.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 5000;

/** Deletes keys older than their day, a batch at a time so no lock is held long; returns how many went. */
export async function pruneIdempotencyKeys(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  let pruned = 0;
  for (;;) {
    const expired = db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).limit(PRUNE_BATCH);
    const gone = await db.delete(idempotencyKeys).where(inArray(idempotencyKeys.key, expired)).returning({ key: idempotencyKeys.key });
    pruned += gone.length;
    if (gone.length < PRUNE_BATCH) return pruned;
  }
}

/** Thrown inside the transaction when another call with the same key got there first. */
class AlreadyDone extends Error {
  constructor() {
    super('idempotent replay');
  }
}

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
): (workspaceId: string, input: z.input<S> & IdempotencyInput) => Promise<ActionResult<T>> {
  return async (workspaceId, input) => {
    const user = await getCurrentUser();
    if (!user) return fail(MESSAGES.signedOut);
    if (!isUuid(workspaceId)) return fail(MESSAGES.notFound);
    const membership = await getMembership(user.id, workspaceId);
    if (!membership) return fail(MESSAGES.notFound);
    if (!can(membership.role, options.permission)) return fail(MESSAGES.forbidden);
    const { key: clientKey, rest } = splitIdempotencyKey(input);
    if (clientKey === null) return fail(MESSAGES.staleForm);
    const db = await getDb();
    // Scoped so one user's key can neither collide with nor read another user's, workspace's or action's result.
    const key = clientKey ? `${user.id}:${workspaceId}:${options.activity}:${clientKey}` : null;
    if (key) {
      const earlier = await storedResult<T>(db, key, user.id);
      if (earlier) return earlier;
    }
    const parsed = options.schema.safeParse(rest);
    if (!parsed.success) return fail(MESSAGES.invalid, fieldErrorsOf(parsed.error));
    const unstorable = unstorableText(parsed.data);
    if (Object.keys(unstorable).length) return fail(MESSAGES.invalid, unstorable);
    try {
      const data = await db.transaction(async (tx) => {
        if (key) {
          // Claimed first, so a concurrent duplicate waits here for this transaction and then finds the key taken.
          const claimed = await tx
            .insert(idempotencyKeys)
            .values({ key, userId: user.id, result: null })
            .onConflictDoNothing({ target: idempotencyKeys.key })
            .returning({ key: idempotencyKeys.key });
          if (claimed.length === 0) throw new AlreadyDone();
        }
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
        if (key) {
          const stored: ActionResult<T> = { ok: true, data: (result ?? null) as T };
          await tx.update(idempotencyKeys).set({ result: stored }).where(eq(idempotencyKeys.key, key));
        }
        return result as T;
      });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof Rollback) return err.result;
      if (err instanceof AlreadyDone && key) {
        return (await storedResult<T>(db, key, user.id)) ?? fail('This was already submitted. Reload the page to see it.');
      }
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
    const unstorable = unstorableText(parsed.data);
    if (Object.keys(unstorable).length) return fail(MESSAGES.invalid, unstorable);
    const result = await handler(parsed.data);
    if (isFailure(result)) return result;
    return { ok: true, data: result as T };
  };
}

/**
 * Runs an action on what a `<form action>` posted, so the form works before its script arrives:
 * FormData in, the result and the sent values out (shown again on the same page by
 * `useActionState`); `redirectTo` names the page to go to once it succeeded.
 */
export async function answerForm<T>(
  formData: FormData,
  run: (values: never) => Promise<ActionResult<T>>,
  options: { redirectTo?: (data: T) => string } = {},
): Promise<FormState> {
  const { values, sent } = valuesOf(formData);
  const result = await run(values as never);
  if (!result.ok) return { ok: false, formError: result.formError, fieldErrors: result.fieldErrors, sent };
  if (options.redirectTo) redirect(options.redirectTo(result.data));
  return { ok: true, sent };
}

/**
 * A workspace action as a `<form action>` (see answerForm). The form names its workspace in a
 * hidden `workspaceId` field; the action checks membership as always.
 */
export function workspaceFormAction<T>(
  action: (workspaceId: string, input: never) => Promise<ActionResult<T>>,
  options: { redirectTo?: (workspaceId: string, data: T) => string } = {},
): (previous: FormState, formData: FormData) => Promise<FormState> {
  const { redirectTo } = options;
  return async (_previous, formData) => {
    const workspaceId = String(formData.get('workspaceId') ?? '');
    formData.delete('workspaceId');
    return answerForm(formData, (values) => action(workspaceId, values), { redirectTo: redirectTo && ((data) => redirectTo(workspaceId, data)) });
  };
}
