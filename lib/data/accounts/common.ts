import 'server-only';

// What the account's public entry points share: how addresses are compared, work that may run
// after the response, and the answer given to anyone asking by address.

/** Runs work now, or hands it to the caller's scheduler (e.g. after the response has gone). */
export type Defer = (task: () => Promise<void>) => void;

/** Options of a request made by address, whose mail may be sent after the answer. */
export interface Opts {
  now?: Date;
  /** Where mail-sending work runs; by default it is awaited in place. */
  defer?: Defer;
}

/** Runs the task now, or through `defer` when given. */
export async function runOrDefer(task: () => Promise<void>, defer?: Defer): Promise<void> {
  if (defer) defer(task);
  else await task();
}

/** An address as accounts store and compare it. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What anyone asking for a link by address is told, whether or not the address has an account. */
export type PublicRequestResult = { status: 'accepted' } | { status: 'throttled'; retryAfterMs: number };

/** Options of a check of the current password. */
export interface SignInOpts {
  now?: Date;
  /** The nonce of a valid device cookie for this address, when the browser has one. */
  deviceNonce?: string | null;
}
