import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/session';
import { QUICK_PATHS } from '@/lib/schemas/quick-path-options';
import { landingFor } from '@/lib/workspace';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (user) {
    const landing = await landingFor(user.id);
    // The installed app's shortcuts: a quick path in the person's own workspace.
    const { go } = await searchParams;
    const shortcut = typeof go === 'string' && Object.hasOwn(QUICK_PATHS, go) ? QUICK_PATHS[go as keyof typeof QUICK_PATHS] : null;
    redirect(shortcut && landing.startsWith('/w/') ? `${landing}/log${shortcut.path}` : landing);
  }
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center px-5 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Groundwork</p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight text-stone-900 sm:text-5xl">
        Network where it pays off.
      </h1>
      <p className="mt-4 text-lg text-stone-700">
        Happy hours cost evenings and bring pitches. Clubs you work for, favors you do, stretch projects near your
        niche and informational interviews bring people who remember you. Log what you put in and what comes back;
        Groundwork rates every channel so you keep what works and quit what drains you.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/signup" className="btn-primary">
          Create an account
        </Link>
        <Link href="/signin" className="btn-secondary">
          Sign in
        </Link>
      </div>
    </main>
  );
}
