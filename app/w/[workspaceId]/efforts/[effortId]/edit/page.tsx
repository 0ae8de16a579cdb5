import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getEffort, listContactOptions } from '@/lib/data/efforts';
import { formatHours } from '@/lib/payoff/format';
import { recordsGate, workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { EffortForm } from '../../_components/effort-form';
import { effortToValues } from '../../_components/form-values';

export const metadata: Metadata = { title: 'Edit effort' };

export default workspacePage<{ effortId: string }>(recordsGate('changing records', 'efforts'), async ({ ctx, workspaceId, params: { effortId } }) => {
  const effort = await getEffort(ctx, effortId);
  if (!effort) notFound();
  const contactOptions = await listContactOptions(ctx, { include: effort.contacts.map((c) => c.id) });
  const entryCount = effort.timeEntries.length;
  return (
    <div className="max-w-3xl">
      <PageHeader title="Edit effort" description={effort.title} />
      <EffortForm
        workspaceId={workspaceId}
        initial={effortToValues(effort, { hoursLocked: entryCount > 1 })}
        contactOptions={contactOptions}
        currency={ctx.workspace.currency}
        targetNiche={ctx.workspace.targetNiche}
        edit={{ id: effort.id, version: effort.version, entryCount, hours: formatHours(effort.hours) }}
      />
    </div>
  );
});
