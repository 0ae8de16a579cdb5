'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A header menu built on details/summary, so it opens before any script has loaded. Once scripts
 * run it behaves like a menu: it closes on Escape (focus back on its button), on a tap outside, when
 * the focus moves on past it, when one of its links is followed or the page changes, and when
 * another such menu opens.
 */
export function MenuDetails({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (refocus: boolean) => {
      if (!details.open) return;
      details.open = false;
      if (refocus) details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && details.open) close(details.contains(document.activeElement));
    };
    const onPointer = (event: PointerEvent) => {
      if (!details.contains(event.target as Node)) close(false);
    };
    const onToggle = () => {
      if (!details.open) return;
      for (const other of document.querySelectorAll<HTMLDetailsElement>('details[data-menu][open]')) {
        if (other !== details) other.open = false;
      }
    };
    // Tabbing past the last entry closes it, so it never covers the control that has the focus.
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !details.contains(next)) close(false);
    };
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest('a')) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    details.addEventListener('toggle', onToggle);
    details.addEventListener('click', onClick);
    details.addEventListener('focusout', onFocusOut);
    return () => {
      details.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      details.removeEventListener('toggle', onToggle);
      details.removeEventListener('click', onClick);
    };
  }, []);

  return (
    <details ref={ref} data-menu="" className={className}>
      {children}
    </details>
  );
}
