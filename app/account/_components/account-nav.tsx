'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/account', label: 'Profile' },
  { href: '/account/sessions', label: 'Signed-in devices' },
  { href: '/account/notifications', label: 'E-mail reminders' },
  { href: '/account/delete', label: 'Delete account' },
] as const;

/** The account area's sections. */
export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Account" className="mb-5 overflow-x-auto">
      <ul className="flex gap-1 border-b border-stone-200">
        {TABS.map((t) => {
          const active = pathname === t.href;
          return (
            <li key={t.href} className="shrink-0">
              <Link
                href={t.href}
                aria-current={active ? 'page' : undefined}
                className={`block border-b-2 px-3 py-2 text-sm ${active ? 'border-brand-700 font-semibold text-brand-800' : 'border-transparent text-stone-700 hover:text-stone-900'}`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
