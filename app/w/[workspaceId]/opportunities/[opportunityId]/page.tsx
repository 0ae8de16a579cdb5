import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BackLink, Badge, PageHeader } from '@/app/_components/page-header';
import { getOpportunity } from '@/lib/data/opportunities';
import { formatDate } from '@/lib/dates';
import { can } from '@/lib/permissions';
import { formatAmount } from '@/lib/payoff/format';
import { isClosedStage, KIND_LABELS, STAGE_LABELS } from '@/lib/schemas/opportunity';
import { isUuid } from '@/lib/workspace';
import { Comments } from '../../_components/comments';
import { DeleteOpportunityButton } from '../_components/delete-opportunity';
import { MoveOpportunity } from '../_components/opportunity-card';
import { UndoMove } from '../_components/undo-move';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Opportunity' };

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-stone-600">{term}</dt>
      <dd className="mt-1 break-words sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default workspacePage<{ opportunityId: string }>(async ({ ctx, workspaceId, params: { opportunityId } }) => {
  if (!isUuid(opportunityId)) notFound();
  const o = await getOpportunity(ctx, opportunityId);
  if (!o) notFound();
  const canWrite = can(ctx.role, 'records.write');
  const currency = ctx.workspace.currency;
  const base = `/w/${workspaceId}`;
  return (
    <div className="max-w-3xl">
      <BackLink href={`${base}/opportunities`}>Opportunities</BackLink>
      <PageHeader
        title={<span className="break-words">{o.title}</span>}
        description={
          <span className="flex flex-wrap gap-2">
            <Badge tone={o.stage === 'won' ? 'good' : o.stage === 'lost' ? 'neutral' : 'info'}>{STAGE_LABELS[o.stage]}</Badge>
            <Badge>{KIND_LABELS[o.kind]}</Badge>
          </span>
        }
        actions={
          canWrite ? (
            <>
              <Link href={`${base}/opportunities/${o.id}/edit`} className="btn-secondary">
                Edit
              </Link>
              <DeleteOpportunityButton workspaceId={workspaceId} id={o.id} title={o.title} />
            </>
          ) : undefined
        }
      />
      <section className="card" aria-label="Details">
        <dl className="divide-y divide-stone-100">
          <Item term="Stage">{STAGE_LABELS[o.stage]}</Item>
          <Item term="Kind">{KIND_LABELS[o.kind]}</Item>
          <Item term="Brought by">
            {o.contactId && o.contactName ? (
              <Link href={`${base}/contacts/${o.contactId}`} className="link">
                {o.contactName}
              </Link>
            ) : (
              <span className="text-stone-600">No contact credited</span>
            )}
          </Item>
          <Item term="Effort">
            {o.effortId && o.effortTitle ? (
              <Link href={`${base}/efforts/${o.effortId}`} className="link">
                {o.effortTitle}
              </Link>
            ) : (
              <span className="text-stone-600">None</span>
            )}
          </Item>
          <Item term="Expected value">{formatAmount(o.expectedValue, currency)}</Item>
          {o.stage === 'won' ? <Item term="Won value">{formatAmount(o.wonValue, currency)}</Item> : null}
          <Item term="Opened on">{formatDate(o.openedOn)}</Item>
          {isClosedStage(o.stage) ? <Item term="Closed on">{formatDate(o.closedOn)}</Item> : null}
          <Item term="Notes">
            {o.notes ? <p className="whitespace-pre-wrap">{o.notes}</p> : <span className="text-stone-600">None</span>}
          </Item>
        </dl>
      </section>
      {canWrite ? (
        <section className="card mt-4 max-w-sm" aria-labelledby="move-title">
          <h2 id="move-title" className="font-semibold" tabIndex={-1}>
            Change stage
          </h2>
          <UndoMove workspaceId={workspaceId} />
          <MoveOpportunity key={o.version} workspaceId={workspaceId} opportunity={o} currency={currency} idPrefix="detail" />
        </section>
      ) : null}
      <Comments workspaceId={workspaceId} entity="opportunity" entityId={o.id} />
    </div>
  );
});
