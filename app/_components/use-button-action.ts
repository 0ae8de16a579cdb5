'use client';

import { useState, useTransition } from 'react';

/** Said when a request did not reach the server or its answer did not come back. */
export const CONNECTION_ERROR = 'Something went wrong. Check your connection and try again.';
/** Said when the server refused without saying why. */
export const REFUSED_ERROR = 'That did not work. Try again.';

/**
 * For a button that runs a server action itself: `run(task)` clears the last message and marks the
 * button pending while the task runs; the task returns the message to show (a refusal, a result),
 * and a request that fails on the way shows the connection message. `initial` is the message to
 * start with, e.g. the refusal of a form posted before the script ran.
 */
export function useButtonAction(initial?: string) {
  const [message, setMessage] = useState(initial);
  const [pending, startTransition] = useTransition();
  const run = (task: () => Promise<string | undefined | void>) =>
    startTransition(async () => {
      setMessage(undefined);
      try {
        const said = await task();
        if (said) setMessage(said);
      } catch {
        setMessage(CONNECTION_ERROR);
      }
    });
  return { pending, message, run };
}
