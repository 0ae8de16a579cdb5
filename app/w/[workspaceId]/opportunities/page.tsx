import type { Metadata } from 'next';
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { Field, Options } from '@/app/_components/field';
import { EmptyState, PageHeader } from '@/app/_components/page-header';
import { Pager } from '@/app/_components/pager';
import { BOARD_COLUMN_LIMIT, getOpportunityBoard, listOpportunities, type BoardColumn } from '@/lib/data/opportunities';
import { can } from '@/lib/permissions';
import { formatMoney, pluralize } from '@/lib/payoff/format';
import { opportunityListQuery, STAGE_LABELS, STAGES, type StageKey } from '@/lib/schemas/opportunity';
import { ExportLink, withQuery } from '@/app/w/[workspaceId]/_components/list-links';
import { OpportunityCard } from './_components/opportunity-card';
import { UndoMove } from './_components/undo-move';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Opportunities' };

const PAGE_SIZE = 50;

function listHref(base: string, params: { stage?: StageKey; q?: string; before?: string; view?: 'list' }): string {
  return withQuery(base, { stage: params.stage, q: params.q, view: params.view, before: params.before });
}

export default workspacePage(async ({ ctx, workspaceId, searchParams }) => {
  const query = opportunityListQuery.parse(await searchParams);
  const canWrite = can(ctx.role, 'records.write');
  const currency = ctx.workspace.currency;
  const base = `/w/${workspaceId}/opportunities`;
  const listMode = Boolean(query.stage || query.q || query.before || query.view === 'list');

  const newButton = canWrite ? (
    <Link href={`${base}/new`} className="btn-primary">
      New opportunity
    </Link>
  ) : null;

  const header = (
    <PageHeader
      title="Opportunities"
      description="What your networking brings back. Credit each one to the contact who brought it."
      actions={
        <>
          {listMode ? (
            <Link href={base} className="btn-secondary">
              Board
            </Link>
          ) : (
            <Link href={listHref(base, { view: 'list' })} className="btn-secondary">
              List
            </Link>
          )}
          <ExportLink workspaceId={workspaceId} list="opportunities" filters={{ stage: query.stage, q: query.q }} />
          {newButton}
        </>
      }
    />
  );

  const filters = (
    <form method="get" action={base} role="search" aria-label="Filter opportunities" className="mb-5 flex flex-wrap items-end gap-3">
      <Field id="opp-q" label="Search" className="min-w-0 flex-1 basis-48">
        {({ id }) => <input id={id} name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} className="input mt-1" placeholder="Title or contact" />}
      </Field>
      <Field id="opp-stage" label="Stage" className="min-w-0 basis-44">
        {({ id }) => (
          <select id={id} name="stage" defaultValue={query.stage ?? ''} className="input mt-1">
            <option value="">All stages</option>
            <Options items={STAGES} label={(s) => STAGE_LABELS[s]} />
          </select>
        )}
      </Field>
      <button type="submit" className="btn-secondary">
        Show
      </button>
    </form>
  );

  if (listMode) {
    const before = query.before ? { date: query.before.slice(0, 10), id: query.before.slice(11) } : undefined;
    const { items, next } = await listOpportunities(ctx, { stage: query.stage, q: query.q, before, limit: PAGE_SIZE });
    const filtered = Boolean(query.stage || query.q);
    return (
      <div>
        {header}
        {filters}
        {canWrite ? <UndoMove workspaceId={workspaceId} /> : null}
        <h2 className="sr-only">
          {query.stage ? `${STAGE_LABELS[query.stage]} opportunities` : 'All opportunities'}
        </h2>
        {items.length === 0 ? (
          filtered ? (
            <EmptyState title="Nothing matches" action={<Link href={base} className="btn-secondary">Show the board</Link>}>
              No opportunity matches this search or stage. Try another word, or all stages.
            </EmptyState>
          ) : (
            <NoOpportunities workspaceId={workspaceId} action={newButton} />
          )
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((o) => (
              <li key={o.id}>
                <OpportunityCard workspaceId={workspaceId} opportunity={o} currency={currency} canWrite={canWrite} idPrefix="list" showStage />
              </li>
            ))}
          </ul>
        )}
        <Pager
          label="Opportunity pages"
          prevHref={query.before ? listHref(base, { stage: query.stage, q: query.q, view: 'list' }) : null}
          nextHref={next ? listHref(base, { stage: query.stage, q: query.q, view: 'list', before: `${next.date}_${next.id}` }) : null}
        />
      </div>
    );
  }

  const board = await getOpportunityBoard(ctx);
  if (board.every((c) => c.count === 0)) {
    return (
      <div>
        {header}
        <NoOpportunities workspaceId={workspaceId} action={newButton} />
      </div>
    );
  }

  return (
    <div>
      {header}
      {filters}
      {canWrite ? (
        <div className="mb-3">
          <UndoMove workspaceId={workspaceId} />
        </div>
      ) : null}
      {/* Desktop: one column per stage, scrolling sideways inside its own box when narrow. */}
      <div className="hidden overflow-x-auto pb-2 md:block">
        <div className="grid min-w-[60rem] grid-cols-5 gap-3">
          {board.map((column) => (
            <section key={column.stage} aria-labelledby={`board-${column.stage}-title`} className="rounded-xl bg-stone-100 p-2">
              <ColumnHeading column={column} currency={currency} idPrefix="board" />
              <ColumnCards column={column} card={{ workspaceId, currency, canWrite, idPrefix: 'board' }} />
              <ShowAll column={column} base={base} />
            </section>
          ))}
        </div>
      </div>
      {/* Phones: the same stages as a list, one group after another. */}
      <div className="space-y-6 md:hidden">
        {board.map((column) => (
          <section key={column.stage} aria-labelledby={`phone-${column.stage}-title`}>
            <ColumnHeading column={column} currency={currency} idPrefix="phone" />
            {column.count === 0 ? (
              <p className="mt-1 text-sm text-stone-600">None.</p>
            ) : (
              <ColumnCards column={column} card={{ workspaceId, currency, canWrite, idPrefix: 'phone' }} />
            )}
            <ShowAll column={column} base={base} />
          </section>
        ))}
      </div>
    </div>
  );
});

/** A column's cards, on the board and in the phones' list. */
function ColumnCards({ column, card }: { column: BoardColumn; card: Omit<ComponentProps<typeof OpportunityCard>, 'opportunity'> }) {
  return (
    <ul className="mt-2 space-y-2">
      {column.cards.map((o) => (
        <li key={o.id}>
          <OpportunityCard {...card} opportunity={o} />
        </li>
      ))}
    </ul>
  );
}

function ColumnHeading({ column, currency, idPrefix }: { column: BoardColumn; currency: string; idPrefix: string }) {
  return (
    <div className="px-1">
      <h2 id={`${idPrefix}-${column.stage}-title`} className="font-semibold">
        {STAGE_LABELS[column.stage]} <span className="font-normal text-stone-600">({column.count})</span>
      </h2>
      <p className="text-sm text-stone-600">
        {formatMoney(column.expectedSum, currency)} expected
        {column.stage === 'won' ? ` · ${formatMoney(column.wonSum, currency)} won` : ''}
      </p>
    </div>
  );
}

function ShowAll({ column, base }: { column: BoardColumn; base: string }) {
  if (column.count <= BOARD_COLUMN_LIMIT) return null;
  return (
    <p className="mt-2 px-1 text-sm">
      <Link href={listHref(base, { stage: column.stage })} className="link">
        Show all {pluralize(column.count, 'opportunity', 'opportunities')} in {STAGE_LABELS[column.stage]}
      </Link>
    </p>
  );
}

function NoOpportunities({ workspaceId, action }: { workspaceId: string; action: React.ReactNode }) {
  return (
    <EmptyState title="No opportunities yet" action={action}>
      <p>
        Opportunities are the payoff of networking: a lead, a gig, a referral, a job. Credit each one to the contact who
        brought it, and Groundwork credits the channel where you met them.
      </p>
      {action ? (
        <p className="mt-2">
          Met someone new?{' '}
          <Link href={`/w/${workspaceId}/log`} className="link">
            Log them first
          </Link>
          .
        </p>
      ) : null}
    </EmptyState>
  );
}
