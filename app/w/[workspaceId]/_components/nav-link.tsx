'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The navigation's icons; each is drawn by the stylesheet from the link's `data-icon`. */
export type NavIcon = 'dashboard' | 'log' | 'efforts' | 'contacts' | 'opportunities' | 'team' | 'settings';

/** A navigation link with its icon that marks itself as the current page; `nav-side` and `nav-bar` style it. */
export function NavLink({
  href,
  exact,
  variant,
  icon,
  label,
}: {
  href: string;
  exact?: boolean;
  variant: 'side' | 'bar';
  /** A navigation icon drawn by the stylesheet (`[data-icon]` in globals.css). */
  icon: NavIcon;
  label: string;
}) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={`nav-${variant}`} data-icon={icon}>
      {label}
    </Link>
  );
}
