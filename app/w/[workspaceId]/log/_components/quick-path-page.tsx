import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/app/_components/page-header';
import { today } from '@/lib/dates';
import { can } from '@/lib/permissions';
import { QUICK_PATHS, type QuickPathKind } from '@/lib/schemas/quick-path-options';
import type { WorkspaceCtx } from '@/lib/data/context';
import { QuickPathForm, type QuickFieldSpec } from './quick-path-form';
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

/** The day of the record, which starts at today (the phone's own once its script runs). */
export const DATE_FIELD: QuickFieldSpec = { name: 'date', label: 'Date', type: 'date', defaultValue: 'today', required: true };

/** A quick path's page with its form; both are named by the path's label. */
export function QuickPath({
  ctx,
  kind,
  description,
  describe,
  savedText,
  fields,
  instead,
}: {
  ctx: WorkspaceCtx;
  kind: Exclude<QuickPathKind, 'event'>;
  description: string;
  describe: { field: string; prefix: string };
  savedText: string;
  fields: QuickFieldSpec[];
  /** Shown in the form's place when there is nothing to log against yet. */
  instead?: ReactNode;
}) {
  const title = QUICK_PATHS[kind].label;
  return (
    <QuickPathPage ctx={ctx} kind={kind} title={title} description={description}>
      {instead ?? (
        <QuickPathForm kind={kind} workspaceId={ctx.workspaceId} label={title} today={today()} describe={describe} savedText={savedText} fields={fields} />
      )}
    </QuickPathPage>
  );
}
