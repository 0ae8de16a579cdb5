import type { Metadata } from 'next';
import Link from 'next/link';
import { Field, Options } from '@/app/_components/field';
import { EmptyState, PageHeader } from '@/app/_components/page-header';
import { Pager } from '@/app/_components/pager';
import { listEfforts } from '@/lib/data/efforts';
import { getLinkedinChecklist } from '@/lib/data/linkedin-checklist';
import { formatDate, today } from '@/lib/dates';
import { effortFlags } from '@/lib/flags';
import { CHANNELS } from '@/lib/payoff/channels';
import { formatAmount, formatHours } from '@/lib/payoff/format';
import { can } from '@/lib/permissions';
import { effortFiltersSchema, type EffortFilters } from '@/lib/schemas/effort';
import { ExportLink, withQuery } from '@/app/w/[workspaceId]/_components/list-links';
import { channelLabel } from './_components/channel-label';
import { FlagBadges } from './_components/flag-badges';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Efforts' };

const PAGE_SIZE = 50;

function hrefWith(base: string, filters: EffortFilters, cursor?: { before?: string; after?: string }): string {
  return withQuery(base, { channel: filters.channel, from: filters.from, to: filters.to, q: filters.q, before: cursor?.before, after: cursor?.after });
}

export default workspacePage(async ({ ctx, workspaceId, searchParams }) => {
  const filters = effortFiltersSchema.parse(await searchParams);
  const [page, checklist] = await Promise.all([
    listEfforts(ctx, { ...filters, limit: PAGE_SIZE }),
    getLinkedinChecklist(ctx),
  ]);
  const base = `/w/${workspaceId}/efforts`;
  const canWrite = can(ctx.role, 'records.write');
  const filtered = Boolean(filters.channel || filters.from || filters.to || filters.q);
  const now = today();
  const currency = ctx.workspace.currency;
  const logButton = canWrite ? (
    <Link href={`${base}/new`} className="btn-primary">
      Log effort
    </Link>
  ) : null;

  return (
    <div>
      <PageHeader
        title="Efforts"
        description="What you put into meeting people, channel by channel."
        actions={
          <>
            <ExportLink workspaceId={workspaceId} list="efforts" filters={{ channel: filters.channel, from: filters.from, to: filters.to, q: filters.q }} />
            {logButton}
          </>
        }
      />

      <p className="mb-4 text-stone-700">
        <Link href={`/w/${workspaceId}/linkedin`} className="link">
          LinkedIn profile: {checklist.done} of {checklist.total} done
        </Link>
      </p>

      <form method="get" action={base} className="card mb-5 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_10rem_1.5fr_auto]" aria-label="Filter efforts">
        <Field id="f-channel" label="Channel">
          {({ id }) => (
            <select id={id} name="channel" defaultValue={filters.channel ?? ''} className="input">
              <option value="">All channels</option>
              <Options items={CHANNELS} value={(c) => c.key} label={(c) => c.name} />
            </select>
          )}
        </Field>
        <Field id="f-from" label="From">
          {({ id }) => <input id={id} name="from" type="date" defaultValue={filters.from ?? ''} className="input" />}
        </Field>
        <Field id="f-to" label="To">
          {({ id }) => <input id={id} name="to" type="date" defaultValue={filters.to ?? ''} className="input" />}
        </Field>
        <Field id="f-q" label="Search title and notes">
          {({ id }) => <input id={id} name="q" type="search" defaultValue={filters.q ?? ''} maxLength={100} className="input" />}
        </Field>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-secondary">
            Apply
          </button>
          {filtered ? (
            <Link href={base} className="btn-secondary">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {page.items.length === 0 ? (
        filtered || filters.before || filters.after ? (
          <EmptyState title="No efforts match" action={<Link href={base} className="btn-secondary">Show all efforts</Link>}>
            Try another channel, a wider date range or fewer words.
          </EmptyState>
        ) : (
          <EmptyState title="No efforts logged yet" action={logButton}>
            Log each evening out, club shift, favor or interview here: work-like settings where people see you do real
            work usually pay off far better than happy hours, and your log will show it.
          </EmptyState>
        )
      ) : (
        <>
          <ol className="space-y-2" aria-label="Efforts, newest first">
            {page.items.map((effort) => {
              const flags = effortFlags(effort, { today: now });
              return (
                <li key={effort.id} className="card">
                  <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                    <div className="min-w-0">
                      <Link href={`${base}/${effort.id}`} className="link break-words text-lg">
                        {effort.title}
                      </Link>
                      <p className="text-sm text-stone-600">{channelLabel(effort.channel, effort.otherLabel)}</p>
                    </div>
                    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                      <div>
                        <dt className="sr-only">Date</dt>
                        <dd>{formatDate(effort.date)}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">Hours</dt>
                        <dd>{formatHours(effort.hours)}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">Money spent</dt>
                        <dd>{formatAmount(effort.moneySpent, currency)}</dd>
                      </div>
                    </dl>
                  </div>
                  {flags.length ? (
                    <div className="mt-2">
                      <FlagBadges flags={flags} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <Pager
            label="Efforts pages"
            prevHref={page.newerCursor ? hrefWith(base, filters, { after: page.newerCursor }) : null}
            nextHref={page.olderCursor ? hrefWith(base, filters, { before: page.olderCursor }) : null}
          />
        </>
      )}
    </div>
  );
});
