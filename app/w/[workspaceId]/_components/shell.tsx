'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/actions';
import { SkipLink, Wordmark } from '@/app/_components/top-bar';
import { ROLE_LABELS } from '@/lib/permissions';
import type { Role } from '@/db/schema';
import { FlashNotice } from '@/app/_components/flash-notice';
import { OutboxStatus } from '@/app/_components/outbox-status';
import { MenuDetails } from './menu-details';
import { NavLink, type NavIcon } from './nav-link';

export interface NavItem {
  /**
   * A page of the current workspace relative to its dashboard ("" is the dashboard itself, "log" its
   * quick log), or an absolute path ("/account"): the payload then carries the workspace's id once.
   */
  to: string;
  label: string;
  icon: NavIcon;
  /** Shown in the phone's bottom bar. */
  mobile?: boolean;
}

/** A navigation entry's address, and whether only that exact address marks it as the current page. */
function resolve(item: NavItem, workspaceId: string): NavItem & { href: string; exact: boolean } {
  const base = `/w/${workspaceId}`;
  const href = item.to.startsWith('/') ? item.to : item.to ? `${base}/${item.to}` : base;
  return { ...item, href, exact: item.to === '' };
}

/**
 * The signed-in frame: a sidebar on desktop, a bottom bar on phones, and a workspace switcher. It is
 * a client component so that the page payload carries only its props, not a second copy of its markup.
 */
export function Shell({
  items: entries,
  workspaces,
  current,
  userName,
  children,
}: {
  items: NavItem[];
  workspaces: { id: string; name: string; role: Role }[];
  current: { id: string; name: string; role: Role };
  userName: string;
  children: ReactNode;
}) {
  const items = entries.map((item) => resolve(item, current.id));
  return (
    <div className="min-h-dvh md:flex">
      <SkipLink />
      <aside className="hidden w-64 shrink-0 flex-col border-r border-stone-200 bg-white md:flex">
        <div className="px-5 pb-3 pt-5">
          <Wordmark size="xl" />
        </div>
        <div className="px-3">
          <WorkspaceSwitcher workspaces={workspaces} current={current} idSuffix="desktop" />
          <div className="mt-2">
            <OutboxStatus />
          </div>
        </div>
        <nav aria-label="Main" className="mt-4 flex-1 px-3">
          <ul className="space-y-1">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} exact={item.exact} variant="side" icon={item.icon} label={item.label} />
              </li>
            ))}
          </ul>
        </nav>
        <div className="border-t border-stone-200 p-4 text-sm">
          <p className="truncate font-medium text-stone-800">{userName}</p>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="link">
              Sign out
            </button>
          </form>
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 bg-white px-4 py-2 md:hidden">
          <Wordmark />
          <div className="flex min-w-0 items-center gap-2">
            <OutboxStatus sender workspaceId={current.id} />
            <WorkspaceSwitcher workspaces={workspaces} current={current} idSuffix="mobile" compact />
            <MenuDetails className="relative">
              <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-lg px-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
                More<span className="sr-only"> pages and sign out</span>
              </summary>
              <div className="absolute right-0 z-50 mt-1 w-56 rounded-lg border border-stone-200 bg-white p-1 shadow-lg">
                <nav aria-label="More">
                  <ul>
                    {items
                      .filter((i) => !i.mobile)
                      .map((item) => (
                        <li key={item.href}>
                          <Link href={item.href} className="nav-more">
                            {item.label}
                          </Link>
                        </li>
                      ))}
                  </ul>
                </nav>
                <form action={signOutAction} className="border-t border-stone-100 pt-1">
                  <button type="submit" className="nav-more font-medium text-stone-700">
                    Sign out
                  </button>
                </form>
              </div>
            </MenuDetails>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pb-28 pt-5 sm:px-6 md:pb-10">
          <FlashNotice />
          {children}
        </main>
      </div>

      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-40 border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
      >
        {/* With large text the entries keep their width and the bar scrolls sideways, so none is cut off. */}
        <ul className="nav-bar-list">
          {items
            .filter((i) => i.mobile)
            .map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} exact={item.exact} variant="bar" icon={item.icon} label={item.label} />
              </li>
            ))}
        </ul>
      </nav>
    </div>
  );
}

function WorkspaceSwitcher({
  workspaces,
  current,
  idSuffix,
  compact,
}: {
  workspaces: { id: string; name: string; role: Role }[];
  current: { id: string; name: string; role: Role };
  idSuffix: string;
  compact?: boolean;
}) {
  return (
    <MenuDetails className="group relative">
      <summary
        className={`switcher ${compact ? 'min-w-24 max-w-44 text-sm' : 'w-full'}`}
      >
        <span className="min-w-0 flex-1">
          {/* The visible name leads the accessible one, so people who speak what they see reach it. */}
          <span className="block truncate font-semibold">{current.name}</span>
          {compact ? null : <span className="block text-xs text-stone-600">{ROLE_LABELS[current.role]}</span>}
          <span className="sr-only">: switch workspace</span>
        </span>
        <span aria-hidden="true" className="text-stone-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div
        id={`workspace-menu-${idSuffix}`}
        className={`switcher-menu ${compact ? 'right-0' : 'left-0'}`}
      >
        <p className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-stone-500">Your workspaces</p>
        <ul>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link
                href={`/w/${w.id}`}
                aria-current={w.id === current.id ? 'true' : undefined}
                className="switcher-item"
              >
                <span>{w.name}</span>
                <span>{ROLE_LABELS[w.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </MenuDetails>
  );
}
