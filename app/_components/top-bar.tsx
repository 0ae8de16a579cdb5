import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/actions';

const ITEM = 'rounded-lg px-2 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100';

const WORDMARK = { lg: 'text-lg font-bold text-brand-800', xl: 'text-xl font-bold tracking-tight text-brand-800', '2xl': 'text-2xl font-bold tracking-tight text-brand-800' };

/** The name of the app at the start of a page's top bar, leading home. */
export function Wordmark({ href = '/', size = 'lg' }: { href?: string; size?: keyof typeof WORDMARK }) {
  return (
    <Link href={href} className={WORDMARK[size]}>
      Groundwork
    </Link>
  );
}

/** The first stop of the keyboard on every page: straight to its main content. */
export function SkipLink() {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
      Skip to content
    </a>
  );
}

/** A link in the top bar of the pages outside a workspace. */
export function TopBarLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={ITEM}>
      {children}
    </Link>
  );
}

/** Sign out, as a plain form post so it works before the script arrives. */
export function TopBarSignOut() {
  return (
    <form action={signOutAction}>
      <button type="submit" className={ITEM}>
        Sign out
      </button>
    </form>
  );
}
