import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/app/_components/page-header';
import { can } from '@/lib/permissions';
import { requireWorkspace } from '@/lib/workspace';
import { QuickLogForm } from './quick-log-form';

export const metadata: Metadata = { title: 'Quick log' };

export default async function QuickLogPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Quick log" description="An evening out or a favor, and the people you met: logged in under a minute." />
      {can(ctx.role, 'records.write') ? (
        <QuickLogForm workspaceId={workspaceId} currency={ctx.workspace.currency} />
      ) : (
        <section className="card">
          <h2 className="text-lg font-semibold">You can look, not log</h2>
          <p className="mt-2 text-stone-700">
            Your role in this workspace is read-only, so efforts and contacts are logged by its owner or editors. You can
            still follow their{' '}
            <Link href={`/w/${workspaceId}`} className="link">
              dashboard
            </Link>
            .
          </p>
        </section>
      )}
    </div>
  );
}
