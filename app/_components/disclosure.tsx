import type { ReactNode } from 'react';

/**
 * A button-like summary that opens its content without JavaScript (a native <details>): the
 * stand-in for an in-place editor or a confirmation dialog until the page's script has run.
 */
export function Disclosure({
  summary,
  className = 'btn-secondary',
  open,
  children,
}: {
  summary: ReactNode;
  className?: string;
  /** Open in the server's HTML, e.g. to show the errors of a refused post. */
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details open={open}>
      <summary className={`${className} w-fit cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>{summary}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
