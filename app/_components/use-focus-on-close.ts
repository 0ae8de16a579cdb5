'use client';

import { useEffect, useRef } from 'react';

/**
 * For a control that opens something in place (an editor, a "Delete this?" question): once that
 * closes again, the focus returns to the control instead of dropping to the top of the page.
 * Returns the ref to put on the control.
 */
export function useFocusOnClose<T extends HTMLElement>(open: boolean) {
  const control = useRef<T>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) control.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return control;
}
