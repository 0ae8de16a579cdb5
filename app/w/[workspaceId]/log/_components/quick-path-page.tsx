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

type FormPath = Exclude<QuickPathKind, 'event'>;

/** What each quick path's page says: the line under its title, the outbox label of a record, and the answer once saved. */
const PATH_TEXTS: Record<FormPath, { description: string; describe: { field: string; prefix: string }; savedText: string }> = {
  interview: {
    description: 'Right after the conversation: who, what you learned, and when to follow up.',
    describe: { field: 'personName', prefix: 'Interview' },
    savedText: 'Interview logged. Send the thank-you within two days; the follow-up date is on their contact.',
  },
  'reached-out': {
    description: 'Someone wrote, called or asked to meet: the sign that they remember you.',
    describe: { field: 'personName', prefix: 'They reached out' },
    savedText: 'Logged. They remember you: that counts for the channel where you met.',
  },
  'org-time': {
    description: 'Hours you gave a club or association you belong to: the books, the snacks, the newsletter.',
    describe: { field: 'note', prefix: 'Organization time' },
    savedText: 'Hours added to the membership.',
  },
  linkedin: {
    description: 'A sitting of messages, posts and arranging meetings.',
    describe: { field: 'notes', prefix: 'LinkedIn work' },
    savedText: 'LinkedIn work logged.',
  },
};

/** A quick path's page with its form; both are named by the path's label. */
export function QuickPath({
  ctx,
  kind,
  fields,
  instead,
}: {
  ctx: WorkspaceCtx;
  kind: FormPath;
  fields: QuickFieldSpec[];
  /** Shown in the form's place when there is nothing to log against yet. */
  instead?: ReactNode;
}) {
  const title = QUICK_PATHS[kind].label;
  const { description, describe, savedText } = PATH_TEXTS[kind];
  return (
    <QuickPathPage ctx={ctx} kind={kind} title={title} description={description}>
      {instead ?? (
        <QuickPathForm kind={kind} workspaceId={ctx.workspaceId} label={title} today={today()} describe={describe} savedText={savedText} fields={fields} />
      )}
    </QuickPathPage>
  );
}
