import 'server-only';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { activityLog, idempotencyKeys, type Role } from '@/db/schema';
import type { Executor } from '@/db';
import { getDb, type WorkspaceCtx } from '@/lib/data/context';
import type { Opts as MailOpts, PublicRequestResult } from '@/lib/data/accounts/common';
import { clientAddress, retryMessage } from '@/lib/data/throttle';
import type { SessionUser } from '@/lib/data/users';
import { getMembership, type WorkspaceDetails } from '@/lib/data/workspaces';
import { readDeviceNonce } from '@/lib/device-cookie';
import { valuesOf, type FormState } from '@/lib/form-data';
import { MAX_FILE_BYTES } from '@/lib/import/csv';
import { can, ForbiddenError, type Permission } from '@/lib/permissions';
import { getCurrentUser, getSessionClaims } from '@/lib/session';
import { isUuid } from '@/lib/workspace';

// The failure shape lives in lib/result.ts so data functions can use it without loading the
// session and auth modules this wrapper needs; routes and actions import it from here.
import { fail, inTransaction, isFailure, type ActionFailure, type ActionResult, type FieldErrors } from './result';
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

// ---------------------------------------------------------------------------------------------
// The steps every entry point is built from, each written once. A step that refuses throws a
// Refused, which the entry point turns into its own answer: an action's failure, a route's status.

/** A refusal by one of the steps: the failure an action returns and the status a route answers with. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly failure: ActionFailure,
  ) {
    super('refused');
  }
}

/** Thrown inside the transaction when another call with the same key got there first. */
class AlreadyDone extends Error {
  constructor() {
    super('idempotent replay');
  }
}

/** Step: the signed-in user; a revoked session counts as signed out. */
async function currentUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new Refused(401, fail(MESSAGES.signedOut));
  return user;
}

/** Step: the user's membership of the named workspace, read fresh on every call, granting the declared permission. */
async function permittedMembership(user: SessionUser, workspaceId: string, permission: Permission): Promise<{ role: Role; workspace: WorkspaceDetails }> {
  // A workspace that does not exist and one the user may not see answer alike.
  if (!isUuid(workspaceId)) throw new Refused(404, fail(MESSAGES.notFound));
  const membership = await getMembership(user.id, workspaceId);
  if (!membership) throw new Refused(404, fail(MESSAGES.notFound));
  if (!can(membership.role, permission)) throw new Refused(403, fail(MESSAGES.forbidden));
  return membership;
}

/** Step: the input through zod, then a check that every text in it can be stored. */
function parsedInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Refused(400, fail(MESSAGES.invalid, fieldErrorsOf(parsed.error)));
  const unstorable = unstorableText(parsed.data);
  if (Object.keys(unstorable).length) throw new Refused(400, fail(MESSAGES.invalid, unstorable));
  return parsed.data;
}

/**
 * Step: the handler and its activity-log row in one transaction; a failure the handler returns
 * rolls both back. With a key, the key is claimed first and the result stored with the write.
 */
async function loggedTransaction<T>(
  base: { user: SessionUser; workspaceId: string; role: Role; activity: string; key: string | null },
  handler: (ctx: ActionCtx) => Promise<T | ActionFailure>,
): Promise<ActionResult<T>> {
  const { user, workspaceId, role, activity, key } = base;
  const result = await inTransaction({}, async (tx) => {
    if (key) {
      // Claimed first, so a concurrent duplicate waits here for this transaction and then finds the key taken.
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ key, userId: user.id, result: null })
        .onConflictDoNothing({ target: idempotencyKeys.key })
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) throw new AlreadyDone();
    }
    const data = await handler({ userId: user.id, workspaceId, role, user, tx });
    if (isFailure(data)) return data;
    const entityId = (data as { id?: unknown } | null)?.id;
    await tx.insert(activityLog).values({
      workspaceId,
      userId: user.id,
      action: activity,
      entity: activity.split('.')[0],
      entityId: isUuid(entityId) ? entityId : null,
    });
    if (key) {
      const stored: ActionResult<T> = { ok: true, data: (data ?? null) as T };
      await tx.update(idempotencyKeys).set({ result: stored }).where(eq(idempotencyKeys.key, key));
    }
    return data as T;
  });
  return isFailure(result) ? result : { ok: true, data: result };
}

/** Step: once a write succeeded, the workspace's pages render again; in an action the answer carries the fresh page. */
function revalidateWorkspace(workspaceId: string): void {
  revalidatePath(`/w/${workspaceId}`, 'layout');
}

/** Step: the same for the person's own account pages. */
function revalidateAccount(): void {
  revalidatePath('/account', 'layout');
}

/** A handler's value as the typed result. */
function resultOf<T>(value: T | ActionFailure): ActionResult<T> {
  return isFailure(value) ? value : { ok: true, data: value as T };
}

/** Runs an action's steps; a refusal becomes the failure it carries. */
async function answering<T>(steps: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await steps();
  } catch (err) {
    if (err instanceof Refused) return err.failure;
    // A data function's own permission check, for the rare action that declares less than it does.
    if (err instanceof ForbiddenError) return fail(MESSAGES.forbidden);
    throw err;
  }
}

/** The input without its idempotency key, for actions that do not keep keys (their writes repeat harmlessly). */
function withoutKey(input: unknown): unknown {
  return splitIdempotencyKey(input).rest;
}

// ---------------------------------------------------------------------------------------------
// The entry points.

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
 * The one wrapper for workspace mutations: current user → membership (fresh, every call) →
 * declared permission → idempotency key → zod → storable text → transaction with its activity
 * log → revalidation → typed result.
 */
export function workspaceAction<S extends z.ZodType, T>(
  options: WorkspaceActionOptions<S>,
  handler: (ctx: ActionCtx, input: z.output<S>) => Promise<T | ActionFailure>,
): (workspaceId: string, input: z.input<S> & IdempotencyInput) => Promise<ActionResult<T>> {
  return (workspaceId, input) =>
    answering(async () => {
      const user = await currentUser();
      const { role } = await permittedMembership(user, workspaceId, options.permission);
      const { key: clientKey, rest } = splitIdempotencyKey(input);
      if (clientKey === null) throw new Refused(400, fail(MESSAGES.staleForm));
      // Scoped so one user's key can neither collide with nor read another user's, workspace's or action's result.
      const key = clientKey ? `${user.id}:${workspaceId}:${options.activity}:${clientKey}` : null;
      let result = key ? await storedResult<T>(await getDb(), key, user.id) : null;
      if (!result) {
        const data = parsedInput(options.schema, rest);
        try {
          result = await loggedTransaction({ user, workspaceId, role, activity: options.activity, key }, (ctx) => handler(ctx, data));
        } catch (err) {
          if (!(err instanceof AlreadyDone) || !key) throw err;
          result = (await storedResult<T>(await getDb(), key, user.id)) ?? fail('This was already submitted. Reload the page to see it.');
        }
      }
      // A replayed success revalidates too: the first answer may never have reached the page.
      if (result.ok) revalidateWorkspace(workspaceId);
      return result;
    });
}

export interface UserActionCtx {
  user: SessionUser;
  /** The device session making the request ("this device"). */
  sessionId: string;
  /** The client address, for throttling. */
  ip: string;
  /** This browser's device cookie for the account, which a stranger's lockout does not stop. */
  deviceNonce: string | null;
}

/**
 * The wrapper for actions on the signed-in person's own account (no workspace): current user →
 * zod → storable text → handler → revalidation → typed result. No transaction around the handler:
 * the account functions keep their own, and a refused password must still count against its limit.
 */
export function userAction<S extends z.ZodType, T>(
  options: { schema: S },
  handler: (ctx: UserActionCtx, input: z.output<S>) => Promise<T | ActionFailure>,
): (input: z.input<S> & IdempotencyInput) => Promise<ActionResult<T>> {
  return (input) =>
    answering(async () => {
      const user = await currentUser();
      const claims = await getSessionClaims();
      if (!claims) throw new Refused(401, fail(MESSAGES.signedOut));
      const data = parsedInput(options.schema, withoutKey(input));
      const ctx: UserActionCtx = { user, sessionId: claims.sid, ip: clientAddress(await headers()), deviceNonce: await readDeviceNonce(user.email) };
      const result = resultOf(await handler(ctx, data));
      if (result.ok) revalidateAccount();
      return result;
    });
}

/** The wrapper for actions anyone may call (sign-up, sign-in): zod → storable text → handler → typed result. */
export function publicAction<S extends z.ZodType, T>(
  options: { schema: S },
  handler: (input: z.output<S>) => Promise<T | ActionFailure>,
): (input: z.input<S> & IdempotencyInput) => Promise<ActionResult<T>> {
  return (input) => answering(async () => resultOf(await handler(parsedInput(options.schema, withoutKey(input)))));
}

/**
 * A public action that mails a link to the address typed (a password reset, a new confirmation).
 * The lookup and the mail run after the response, so known and unknown addresses answer alike and
 * as fast; only a throttled request hears back, with when to try again.
 */
export function mailLinkAction<S extends z.ZodType<{ email: string }>>(
  options: { schema: S },
  request: (email: string, ip: string, opts: MailOpts) => Promise<PublicRequestResult>,
): (input: z.input<S> & IdempotencyInput) => Promise<ActionResult<{ sent: true }>> {
  return publicAction(options, async (input) => {
    const result = await request(input.email, clientAddress(await headers()), { defer: (task) => after(task) });
    if (result.status === 'throttled') return fail(`Too many requests. ${retryMessage(result.retryAfterMs)}`);
    return { sent: true as const };
  });
}

/** What a workspace route handler gets: the checked context, and the query and upload when it asked for them. */
export interface RouteCtx<Q = undefined, B = undefined> {
  ctx: WorkspaceCtx;
  user: SessionUser;
  workspace: WorkspaceDetails;
  search: URLSearchParams;
  /** The search parameters through the route's `query` schema. */
  query: Q;
  /** The uploaded file (the raw request body) when the route takes `upload: true`. */
  body: B;
}

interface WorkspaceRouteOptions<Q extends z.ZodType | undefined, U extends boolean> {
  /** The permission the caller's role must grant; a function when it depends on what is asked. */
  permission: Permission | ((search: URLSearchParams) => Permission);
  query?: Q;
  upload?: U;
}

const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** A JSON error answer the app's fetching components show as is. */
export function errorResponse(status: number, error: string, fieldErrors?: FieldErrors): Response {
  return Response.json({ ok: false, error, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: NO_STORE });
}

/** A JSON answer that no cache keeps: it holds the workspace's own records. */
export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}

/**
 * Step for uploads: the file, sent as the raw request body. Refuses files over the limit, and
 * bodies that arrived shorter than announced (a proxy cutting a large upload must not import half a file).
 */
async function readUpload(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.`;
  if (Number.isFinite(declared) && declared > MAX_FILE_BYTES) throw new Refused(413, fail(tooLarge));
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_FILE_BYTES) throw new Refused(413, fail(tooLarge));
  if (Number.isFinite(declared) && declared !== body.byteLength) {
    throw new Refused(400, fail('The upload was cut off. Try again, or split the file into smaller ones.'));
  }
  if (body.byteLength === 0) throw new Refused(400, fail('Choose a file first.'));
  return body;
}

/**
 * The wrapper for route handlers of a workspace (file uploads and downloads, pickers): the same
 * steps as an action — current user, membership of the workspace in the URL, declared
 * permission, zod over the query — then the upload when asked for; a successful write revalidates
 * the workspace's pages. Refusals answer 401, 404, 403 or 400 with a JSON error.
 */
export function workspaceRoute<Q extends z.ZodType | undefined = undefined, U extends boolean = false>(
  options: WorkspaceRouteOptions<Q, U>,
  handler: (
    route: RouteCtx<Q extends z.ZodType ? z.output<Q> : undefined, U extends true ? Uint8Array : undefined>,
    request: Request,
  ) => Promise<Response>,
): (request: Request, context: { params: Promise<{ workspaceId: string }> }) => Promise<Response> {
  return async (request, { params }) => {
    const { workspaceId } = await params;
    try {
      const search = new URL(request.url).searchParams;
      const user = await currentUser();
      const permission = typeof options.permission === 'function' ? options.permission(search) : options.permission;
      const { role, workspace } = await permittedMembership(user, workspaceId, permission);
      const query = options.query ? parsedInput(options.query, Object.fromEntries(search)) : undefined;
      const body = options.upload ? await readUpload(request) : undefined;
      const ctx: WorkspaceCtx = { userId: user.id, workspaceId, role };
      const response = await handler({ ctx, user, workspace, search, query, body } as never, request);
      if (response.ok && request.method !== 'GET' && request.method !== 'HEAD') revalidateWorkspace(workspaceId);
      return response;
    } catch (err) {
      if (err instanceof Refused) {
        const { formError, fieldErrors } = err.failure;
        // A bad query answers with what is wrong with it, not the general "fields need attention".
        const first = fieldErrors ? Object.values(fieldErrors)[0]?.[0] : undefined;
        return errorResponse(err.status, first ?? formError ?? MESSAGES.invalid, fieldErrors);
      }
      if (err instanceof ForbiddenError) return errorResponse(403, MESSAGES.forbidden);
      throw err;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Forms that work before their script arrives.

/**
 * Runs an action on what a `<form action>` posted, so the form works before its script arrives:
 * FormData in, the result and the sent values out (shown again on the same page by
 * `useActionState`); `redirectTo` names the page to go to once it succeeded (nothing: stay).
 */
export async function answerForm<T>(
  formData: FormData,
  run: (values: never) => Promise<ActionResult<T>>,
  options: { redirectTo?: (data: T) => string | null | undefined } = {},
): Promise<FormState> {
  const { values, sent } = valuesOf(formData);
  const result = await run(values as never);
  if (!result.ok) return { ok: false, formError: result.formError, fieldErrors: result.fieldErrors, sent };
  const to = options.redirectTo?.(result.data);
  if (to) redirect(to);
  return { ok: true, sent };
}

/** A user or public action as a `<form action>` (see answerForm). */
export function formAction<T>(
  action: (input: never) => Promise<ActionResult<T>>,
  options: { redirectTo?: (data: T) => string | null | undefined } = {},
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => answerForm(formData, action, options);
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
