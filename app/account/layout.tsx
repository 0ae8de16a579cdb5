import { SkipLink, TopBarLink, TopBarSignOut, Wordmark } from '@/app/_components/top-bar';
import { requireUser } from '@/lib/session';
import { landingFor } from '@/lib/workspace';
import { AccountNav } from './_components/account-nav';

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const home = await landingFor(user.id);
  return (
    <div className="min-h-dvh">
      <SkipLink />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <Wordmark href={home} />
          <div className="flex items-center gap-1">
            {home !== '/account' ? <TopBarLink href={home}>Back to workspace</TopBarLink> : null}
            <TopBarSignOut />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl px-4 pb-16 pt-5 sm:px-6">
        <AccountNav />
        {children}
      </main>
    </div>
  );
}
