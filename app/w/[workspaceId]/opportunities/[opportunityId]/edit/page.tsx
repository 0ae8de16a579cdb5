import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink, PageHeader } from '@/app/_components/page-header';
import { getOpportunity, listContactChoices, listEffortChoices } from '@/lib/data/opportunities';
import { today } from '@/lib/dates';
import { isUuid } from '@/lib/workspace';
import { recordsGate, workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { OpportunityForm } from '../../_components/opportunity-form';

export const metadata: Metadata = { title: 'Edit opportunity' };

export default workspacePage<{ opportunityId: string }>(recordsGate('changing records', 'opportunities'), async ({ ctx, workspaceId, params: { opportunityId } }) => {
  if (!isUuid(opportunityId)) notFound();
  const o = await getOpportunity(ctx, opportunityId);
  if (!o) notFound();
  const [contacts, efforts] = await Promise.all([
    listContactChoices(ctx, { include: o.contactId }),
    listEffortChoices(ctx, { include: o.effortId }),
  ]);
  return (
    <div className="max-w-2xl">
      <BackLink href={`/w/${workspaceId}/opportunities/${o.id}`}>{o.title}</BackLink>
      <PageHeader title="Edit opportunity" />
      <section className="card">
        <OpportunityForm
          workspaceId={workspaceId}
          edit={{ id: o.id, version: o.version }}
          contacts={contacts}
          efforts={efforts}
          today={today()}
          currency={ctx.workspace.currency}
          initial={{
            title: o.title,
            kind: o.kind,
            contactId: o.contactId ?? '',
            effortId: o.effortId ?? '',
            stage: o.stage,
            expectedValue: String(o.expectedValue),
            wonValue: o.stage === 'won' ? String(o.wonValue) : '',
            openedOn: o.openedOn,
            closedOn: o.closedOn ?? '',
            notes: o.notes,
          }}
        />
      </section>
    </div>
  );
});
