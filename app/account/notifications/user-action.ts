import 'server-only';
import type { z } from 'zod';
import { fail, fieldErrorsOf, MESSAGES, unstorableText, type ActionFailure, type ActionResult } from '@/lib/action';
import type { SessionUser } from '@/lib/data/users';
import { getCurrentUser } from '@/lib/session';

function isFailure(value: unknown): value is ActionFailure {
  return typeof value === 'object' && value !== null && (value as ActionFailure).ok === false;
}

/**
 * An action on the signed-in person's own settings (no workspace): authenticate (a revoked
 * session counts as signed out) → zod → handler → typed result.
 */
export function userAction<S extends z.ZodType, T>(
  options: { schema: S },
  handler: (user: SessionUser, input: z.output<S>) => Promise<T | ActionFailure>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return fail(MESSAGES.signedOut);
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return fail(MESSAGES.invalid, fieldErrorsOf(parsed.error));
    const unstorable = unstorableText(parsed.data);
    if (Object.keys(unstorable).length) return fail(MESSAGES.invalid, unstorable);
    const result = await handler(user, parsed.data);
    if (isFailure(result)) return result;
    return { ok: true, data: result as T };
  };
}
