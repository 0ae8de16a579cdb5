import Link from 'next/link';
import { Badge } from '@/app/_components/page-header';
import type { OpportunityCard as Card } from '@/lib/data/opportunities';
import { formatDate } from '@/lib/dates';
import { formatAmount } from '@/lib/payoff/format';
import { KIND_LABELS, STAGE_LABELS } from '@/lib/schemas/opportunity';
import { MoveStageForm } from './move-stage-form';

/** One opportunity as a card on the board or in a list; writers get a Move control. */
export function OpportunityCard({
  workspaceId,
  opportunity: o,
  currency,
  canWrite,
  idPrefix,
  showStage = false,
}: {
  workspaceId: string;
  opportunity: Card;
  currency: string;
  canWrite: boolean;
  idPrefix: string;
  showStage?: boolean;
}) {
  const titleId = `${idPrefix}-${o.id}-title`;
  return (
    <article
      aria-labelledby={titleId}
      data-opportunity={o.id}
      data-stage={o.stage}
      tabIndex={-1}
      className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm"
    >
      <h3 id={titleId} className="font-semibold leading-snug break-words">
        <Link href={`/w/${workspaceId}/opportunities/${o.id}`} className="hover:underline">
          {o.title}
        </Link>
      </h3>
      <div className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-stone-600">
        <Badge>{KIND_LABELS[o.kind]}</Badge>
        {showStage ? <Badge tone={o.stage === 'won' ? 'good' : o.stage === 'lost' ? 'neutral' : 'info'}>{STAGE_LABELS[o.stage]}</Badge> : null}
        {o.contactName ? <span className="break-words">via {o.contactName}</span> : null}
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 text-sm">
        <div>
          <dt className="text-stone-500">{o.stage === 'won' ? 'Won' : 'Expected'}</dt>
          <dd className="font-medium">{formatAmount(o.stage === 'won' ? o.wonValue : o.expectedValue, currency)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Opened</dt>
          <dd>{formatDate(o.openedOn)}</dd>
        </div>
      </dl>
      {canWrite ? (
        <MoveOpportunity key={`${o.id}-${o.version}`} workspaceId={workspaceId} opportunity={o} currency={currency} idPrefix={idPrefix} />
      ) : null}
    </article>
  );
}

/** The Move control of one opportunity, on its card and on its own page. */
export function MoveOpportunity({
  workspaceId,
  opportunity: o,
  currency,
  idPrefix,
}: {
  workspaceId: string;
  opportunity: Pick<Card, 'id' | 'version' | 'stage' | 'title' | 'wonValue' | 'expectedValue'>;
  currency: string;
  idPrefix: string;
}) {
  return (
    <MoveStageForm
      workspaceId={workspaceId}
      id={o.id}
      version={o.version}
      stage={o.stage}
      title={o.title}
      suggestedWonValue={o.wonValue > 0 ? o.wonValue : o.expectedValue}
      currentWonValue={o.wonValue}
      currency={currency}
      idPrefix={idPrefix}
    />
  );
}
