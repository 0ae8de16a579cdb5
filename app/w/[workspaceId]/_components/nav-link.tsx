'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon, type IconName } from './icons';

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
  icon: IconName;
  label: string;
}) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={`nav-${variant}`}>
      <Icon name={icon} />
      {label}
    </Link>
  );
}
