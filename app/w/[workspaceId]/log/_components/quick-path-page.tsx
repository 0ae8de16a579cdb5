import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/app/_components/page-header';
import { can } from '@/lib/permissions';
import type { QuickPathKind } from '@/lib/schemas/quick-path-options';
import type { WorkspaceCtx } from '@/lib/data/context';
import { QuickPathNav } from './quick-path-nav';

/** The frame of every quick path: the choice of moment, a title, and the form for those who may log. */
export function QuickPathPage({
  ctx,
  kind,
  title,
  description,
  children,
}: {
  ctx: WorkspaceCtx;
  kind: QuickPathKind;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-xl">
      <QuickPathNav workspaceId={ctx.workspaceId} current={kind} />
      <PageHeader title={title} description={description} />
      {can(ctx.role, 'records.write') ? (
        children
      ) : (
        <section className="card">
          <h2 className="text-lg font-semibold">You can look, not log</h2>
          <p className="mt-2 text-stone-700">
            Your role in this workspace is read-only, so records are logged by its owner or editors. You can still follow
            their{' '}
            <Link href={`/w/${ctx.workspaceId}`} className="link">
              dashboard
            </Link>
            .
          </p>
        </section>
      )}
    </div>
  );
}
