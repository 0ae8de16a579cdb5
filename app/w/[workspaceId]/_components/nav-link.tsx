'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Icon, type IconName } from './icons';

// The classes live here, not in the props, so each page's payload names only the variant.
const VARIANTS = {
  side: {
    base: 'flex items-center gap-3 rounded-lg px-3 py-2 text-stone-700 hover:bg-stone-100',
    active: 'bg-brand-50 font-semibold text-brand-800',
    icon: 'h-5 w-5',
  },
  bar: {
    base: 'flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 py-1.5 text-xs text-stone-600',
    active: 'font-semibold text-brand-800',
    icon: 'h-6 w-6',
  },
} as const;

/** A navigation link with its icon that marks itself as the current page. */
export function NavLink({
  href,
  exact,
  variant,
  icon,
  label,
}: {
  href: string;
  exact?: boolean;
  variant: keyof typeof VARIANTS;
  icon: IconName;
  label: string;
}) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  const style = VARIANTS[variant];
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={active ? `${style.base} ${style.active}` : style.base}>
      <Icon name={icon} className={style.icon} />
      {label}
    </Link>
  );
}
