import { SkipLink, TopBarLink, TopBarSignOut, Wordmark } from '@/app/_components/top-bar';

export default function RosterLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <SkipLink />
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 bg-white px-4 py-2 sm:px-6">
        <Wordmark />
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <TopBarLink href="/roster">Roster</TopBarLink>
          <TopBarLink href="/">My workspace</TopBarLink>
          <TopBarSignOut />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-16 pt-5 sm:px-6">
        {children}
      </main>
    </div>
  );
}
