'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const KEY = 'groundwork:notice';

/** Leaves a message for the next page this tab shows, e.g. "Effort deleted." after a delete navigates away. */
export function leaveNotice(message: string): void {
  try {
    sessionStorage.setItem(KEY, message);
  } catch {
    // Storage refused (private mode): the page still changes, only the message is missing.
  }
}

/**
 * Shows the message left by the previous page once, as a status that screen readers announce, and
 * takes the focus so a keyboard user starts from it rather than from the top of the page.
 */
export function FlashNotice() {
  const [message, setMessage] = useState('');
  const ref = useRef<HTMLParagraphElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    let left: string | null = null;
    try {
      left = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch {
      left = null;
    }
    // Session storage exists only in the browser, so it is read after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMessage(left ?? '');
  }, [pathname]);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} tabIndex={-1} role="status" className="mb-4 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {message}
    </p>
  );
}
