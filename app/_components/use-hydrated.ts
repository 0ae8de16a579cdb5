'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False in the server's HTML and until the page's script has taken over, true after: controls that
 * need the script (a dialog, an in-place editor) show their plain-HTML stand-in until then.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
