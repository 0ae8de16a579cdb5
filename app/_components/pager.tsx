import Link from 'next/link';

/** Previous/next links for a paginated list; a missing href renders a disabled control. */
export function Pager({
  prevHref,
  nextHref,
  label,
  prevText = '← Newer',
  nextText = 'Older →',
}: {
  prevHref?: string | null;
  nextHref?: string | null;
  label: string;
  /** For lists not ordered by time. */
  prevText?: string;
  nextText?: string;
}) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2">
      {prevHref ? (
        <Link href={prevHref} className="btn-secondary" rel="prev">
          {prevText}
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className="btn-secondary" rel="next">
          {nextText}
        </Link>
      ) : null}
    </nav>
  );
}
