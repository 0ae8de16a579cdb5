import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';

export default function RosterLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="flex items-center justify-between gap-2 border-b border-stone-200 bg-white px-4 py-2 sm:px-6">
        <Link href="/" className="text-lg font-bold text-brand-800">
          Groundwork
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <Link href="/roster" className="rounded-lg px-2 py-2 font-medium text-stone-700 hover:bg-stone-100">
            Roster
          </Link>
          <Link href="/" className="rounded-lg px-2 py-2 font-medium text-stone-700 hover:bg-stone-100">
            My workspace
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="rounded-lg px-2 py-2 font-medium text-stone-700 hover:bg-stone-100">
              Sign out
            </button>
          </form>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-16 pt-5 sm:px-6">
        {children}
      </main>
    </div>
  );
}
