import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/actions';

const ITEM = 'rounded-lg px-2 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100';

/** The name of the app at the start of a page's top bar, leading home. */
export function Wordmark({ href = '/' }: { href?: string }) {
  return (
    <Link href={href} className="text-lg font-bold text-brand-800">
      Groundwork
    </Link>
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
