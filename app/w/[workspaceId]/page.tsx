import type { Metadata } from 'next';
import Link from 'next/link';
import { requireWorkspace } from '@/lib/workspace';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{ctx.workspace.name}</h1>
        <p className="mt-1 text-stone-600">Which of your networking channels pay off.</p>
      </div>
      <section aria-labelledby="empty-title" className="card">
        <h2 id="empty-title" className="text-lg font-semibold">
          Nothing logged yet
        </h2>
        <p className="mt-2 max-w-prose text-stone-700">
          Start with the last thing you did to meet people: a happy hour, a favor for someone, an informational
          interview or a club you work for. Log the hours it took and who you met; when something comes back — a
          call, a referral, a job — log that too, and every channel gets a grade here.
        </p>
        {ctx.workspace.targetNiche ? null : (
          <p className="mt-3 text-stone-700">
            Tip: set your target niche in{' '}
            <Link className="link" href={`/w/${workspaceId}/settings`}>
              settings
            </Link>{' '}
            so stretch projects can be judged against it.
          </p>
        )}
      </section>
    </div>
  );
}
