import type { Metadata } from 'next';
import Link from 'next/link';
import { listMembershipChoices } from '@/lib/data/quick-log';
import { QUICK_PATHS } from '@/lib/schemas/quick-path-options';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { DATE_FIELD, QuickPath } from '../_components/quick-path-page';

export const metadata: Metadata = { title: QUICK_PATHS['org-time'].label };

export default workspacePage(async ({ ctx, workspaceId }) => {
  const memberships = await listMembershipChoices(ctx);
  return (
    <QuickPath
      ctx={ctx}
      kind="org-time"
      fields={[
        {
          name: 'effortId',
          label: 'Which organization?',
          type: 'choice',
          required: true,
          defaultValue: memberships.length === 1 ? memberships[0].id : undefined,
          options: memberships.map((m) => ({ value: m.id, label: m.title })),
        },
        { name: 'hours', label: 'Hours', type: 'decimal', required: true },
        { name: 'note', label: 'What you did', type: 'text', max: 200 },
        DATE_FIELD,
      ]}
      instead={
        memberships.length === 0 ? (
          <section className="card">
            <h2 className="text-lg font-semibold">No memberships yet</h2>
            <p className="mt-2 text-stone-700">
              Add the organization once, as an effort in the “Professional organizations &amp; clubs” channel; after that its
              hours take a few taps here.
            </p>
            <Link href={`/w/${workspaceId}/efforts/new?channel=organizations`} className="btn-primary mt-4">
              Add an organization
            </Link>
          </section>
        ) : null
      }
    />
  );
});
