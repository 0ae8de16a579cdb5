import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { fail, fieldErrorsOf, MESSAGES, type ActionFailure, type ActionResult } from '@/lib/action';
import { clientAddress } from '@/lib/data/throttle';
import { readDeviceNonce } from '@/lib/device-cookie';
import type { SessionUser } from '@/lib/data/users';
import { getCurrentUser, getSessionClaims } from '@/lib/session';

export interface UserActionCtx {
  user: SessionUser;
  /** The device session making the request ("this device"). */
  sessionId: string;
  /** The client address, for throttling. */
  ip: string;
  /** This browser's device cookie for the account, which a stranger's lockout does not stop. */
  deviceNonce: string | null;
}

function isFailure(value: unknown): value is ActionFailure {
  return typeof value === 'object' && value !== null && (value as ActionFailure).ok === false;
}

/**
 * The wrapper for actions on the signed-in person's own account (not a workspace):
 * authenticate (a revoked session counts as signed out) → zod → handler → typed result.
 */
export function userAction<S extends z.ZodType, T>(
  options: { schema: S },
  handler: (ctx: UserActionCtx, input: z.output<S>) => Promise<T | ActionFailure>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await getCurrentUser();
    const claims = await getSessionClaims();
    if (!user || !claims) return fail(MESSAGES.signedOut);
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return fail(MESSAGES.invalid, fieldErrorsOf(parsed.error));
    const ip = clientAddress(await headers());
    const result = await handler({ user, sessionId: claims.sid, ip, deviceNonce: await readDeviceNonce(user.email) }, parsed.data);
    if (isFailure(result)) return result;
    return { ok: true, data: result as T };
  };
}
