import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { listContactOptions } from '@/lib/data/efforts';
import { today } from '@/lib/dates';
import { isChannelKey } from '@/lib/payoff/channels';
import { recordsGate, workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { EffortForm } from '../_components/effort-form';
import { emptyEffortValues } from '../_components/form-values';

export const metadata: Metadata = { title: 'Log an effort' };

export default workspacePage(recordsGate('adding records', 'efforts'), async ({ ctx, workspaceId, searchParams }) => {
  const { channel } = await searchParams;
  const chosen = typeof channel === 'string' && isChannelKey(channel) ? channel : '';
  const contactOptions = await listContactOptions(ctx);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Log an effort" description="What you put in: the time, the money and who you met." />
      <EffortForm
        workspaceId={workspaceId}
        initial={emptyEffortValues(today(), chosen)}
        contactOptions={contactOptions}
        currency={ctx.workspace.currency}
        targetNiche={ctx.workspace.targetNiche}
      />
    </div>
  );
});
