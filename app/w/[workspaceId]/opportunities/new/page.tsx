import type { Metadata } from 'next';
import { BackLink, PageHeader } from '@/app/_components/page-header';
import { listContactChoices, listEffortChoices } from '@/lib/data/opportunities';
import { today } from '@/lib/dates';
import { isUuid } from '@/lib/workspace';
import { recordsGate, workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { OpportunityForm } from '../_components/opportunity-form';

export const metadata: Metadata = { title: 'New opportunity' };

export default workspacePage(recordsGate('adding records', 'opportunities'), async ({ ctx, workspaceId, searchParams }) => {
  const sp = await searchParams;
  // A contact or effort page may link here with ?contactId= / ?effortId=; only this workspace's ids are kept.
  const wantedContact = isUuid(sp.contactId) ? sp.contactId : null;
  const wantedEffort = isUuid(sp.effortId) ? sp.effortId : null;
  const [contacts, efforts] = await Promise.all([
    listContactChoices(ctx, { include: wantedContact }),
    listEffortChoices(ctx, { include: wantedEffort }),
  ]);
  const now = today();
  return (
    <div className="max-w-2xl">
      <BackLink href={`/w/${workspaceId}/opportunities`}>Opportunities</BackLink>
      <PageHeader
        title="New opportunity"
        description="A lead, a gig, a referral: credit it to the person who brought it, and the dashboard credits the channel where you met them."
      />
      <section className="card">
        <OpportunityForm
          workspaceId={workspaceId}
          contacts={contacts}
          efforts={efforts}
          today={now}
          currency={ctx.workspace.currency}
          initial={{
            title: '',
            kind: 'client',
            contactId: wantedContact && contacts.some((c) => c.id === wantedContact) ? wantedContact : '',
            effortId: wantedEffort && efforts.some((e) => e.id === wantedEffort) ? wantedEffort : '',
            stage: 'lead',
            expectedValue: '',
            wonValue: '',
            openedOn: now,
            closedOn: '',
            notes: '',
          }}
        />
      </section>
    </div>
  );
});
