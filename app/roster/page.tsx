import type { Metadata } from 'next';
import Link from 'next/link';
import { Options, SelectField } from '@/app/_components/field';
import { Badge, EmptyState, PageHeader } from '@/app/_components/page-header';
import { GoalLine } from '@/app/w/[workspaceId]/_dashboard/goals-card';
import { daysBetween, formatDate, today } from '@/lib/dates';
import { getRoster, MIN_POOL_WORKSPACES, sortRoster, type Benchmark, type ChannelPick, type RosterRow } from '@/lib/data/roster';
import { formatHours, formatMoney, pluralize, type Estimate, type Verdict } from '@/lib/payoff';
import { can } from '@/lib/permissions';
import { parseRosterView, ROSTER_QUERY_MAX, ROSTER_SORTS, type RosterSort, type RosterView } from '@/lib/schemas/team';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Roster' };

const SORT_LABELS: Record<RosterSort, string> = {
  attention: 'Needs attention',
  person: 'Name',
  activity: 'Last activity (oldest first)',
  hours: 'Hours, last 4 weeks',
  trend: 'Hours trend (biggest drop first)',
  cold: 'Contacts going cold',
  overdue: 'Follow-ups overdue',
  opportunities: 'Open opportunities',
};

const VERDICT_TONE: Record<Verdict, 'good' | 'info' | 'neutral' | 'bad' | 'warn'> = {
  'Pays off': 'good',
  Promising: 'info',
  'Break-even': 'neutral',
  'Time drain': 'bad',
  'Too early': 'neutral',
};

function range(value: Estimate, currency: string): string {
  return `${formatMoney(value.estimate, currency)} an hour (${formatMoney(value.low, currency)}–${formatMoney(value.high, currency)})`;
}

function who(r: RosterRow): string {
  return r.ownerName ?? r.workspaceName;
}

function ago(day: string | null, now: string): string {
  if (!day) return 'Nothing logged';
  const days = daysBetween(day, now);
  return `${formatDate(day)} (${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`})`;
}

function Trend({ r }: { r: RosterRow }) {
  const diff = r.hoursRecent - r.hoursBefore;
  const word = Math.abs(diff) < 0.01 ? 'same as' : diff > 0 ? 'up from' : 'down from';
  const arrow = Math.abs(diff) < 0.01 ? '→' : diff > 0 ? '↑' : '↓';
  return (
    <span>
      <span className="font-semibold tabular-nums">{formatHours(r.hoursRecent)}</span>{' '}
      <span className="text-stone-600">
        <span aria-hidden="true">{arrow}</span> {word} {formatHours(r.hoursBefore)}
      </span>
    </span>
  );
}

function Pick({ label, pick }: { label: string; pick: ChannelPick | null }) {
  if (!pick) return null;
  return (
    <span className="block">
      <span className="text-stone-600">{label}:</span> {pick.name}{' '}
      <Badge tone={VERDICT_TONE[pick.verdict]}>
        {pick.verdict}
        {pick.grade ? ` (${pick.grade})` : ''}
      </Badge>
    </span>
  );
}

function Reasons({ r }: { r: RosterRow }) {
  if (r.attention.reasons.length === 0) return <p className="text-sm text-brand-800">On track</p>;
  return <p className="text-sm font-medium text-amber-900">Needs attention: {r.attention.reasons.join(', ')}</p>;
}

function Goals({ r }: { r: RosterRow }) {
  if (r.goals.length === 0) return <span className="text-stone-600">No weekly goal</span>;
  return (
    <ul className="space-y-0.5">
      {r.goals.map((g) => (
        <GoalLine key={g.id} goal={g} />
      ))}
    </ul>
  );
}

function RowLinks({ r }: { r: RosterRow }) {
  const name = who(r);
  return (
    <span className="flex flex-wrap gap-x-3 text-sm">
      <Link className="link" href={`/w/${r.workspaceId}/goals`}>
        Goals<span className="sr-only"> of {name}</span>
      </Link>
      {can(r.role, 'notes.private') ? (
        <Link className="link" href={`/roster/${r.workspaceId}`}>
          Notes<span className="sr-only"> about {name}</span>
        </Link>
      ) : null}
    </span>
  );
}

function Figures({ r, now }: { r: RosterRow; now: string }) {
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-stone-600">Last activity</dt>
      <dd>{ago(r.lastActivity, now)}</dd>
      <dt className="text-stone-600">Hours, 4 weeks</dt>
      <dd>
        <Trend r={r} />
      </dd>
      <dt className="text-stone-600">Contacts</dt>
      <dd>
        {r.goingCold} going cold, {pluralize(r.followUpsOverdue, 'follow-up')} overdue
      </dd>
      <dt className="text-stone-600">Opportunities</dt>
      <dd>
        {r.opportunitiesOpened} opened, {r.opportunitiesOpen} open, {r.opportunitiesStalled} stalled
      </dd>
      <dt className="text-stone-600">Channels</dt>
      <dd>
        {r.best ? (
          <>
            <Pick label="Best" pick={r.best} />
            <Pick label="Weakest" pick={r.weakest} />
          </>
        ) : (
          'Nothing to compare yet'
        )}
      </dd>
      <dt className="text-stone-600">Goals</dt>
      <dd>
        <Goals r={r} />
      </dd>
      <dt className="text-stone-600">Comments</dt>
      <dd>{pluralize(r.newComments, 'new comment')}</dd>
    </dl>
  );
}

function ClientCard({ r, now, you = false }: { r: RosterRow; now: string; you?: boolean }) {
  return (
    <article aria-label={you ? `You: ${r.workspaceName}` : `Client: ${who(r)}`} className="card">
      <h3 className="font-semibold">
        <Link className="link" href={`/w/${r.workspaceId}`}>
          {you ? r.workspaceName : who(r)}
        </Link>
      </h3>
      {you ? null : <p className="text-sm text-stone-600">{r.workspaceName}</p>}
      <Reasons r={r} />
      <Figures r={r} now={now} />
      <div className="mt-3">
        <RowLinks r={r} />
      </div>
    </article>
  );
}

function ViewForm({ view, clients }: { view: RosterView; clients: RosterRow[] }) {
  return (
    <form method="get" action="/roster" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Sort and filter the roster">
      <div>
        <label htmlFor="roster-q" className="block text-sm font-medium">
          Find a client
        </label>
        <input id="roster-q" name="q" type="search" defaultValue={view.q} maxLength={ROSTER_QUERY_MAX} list="roster-clients" className="input w-56" />
        <datalist id="roster-clients">
          {clients.map((c) => (
            <option key={c.workspaceId} value={who(c)} />
          ))}
        </datalist>
      </div>
      <SelectField id="roster-sort" label="Sort by" name="sort" defaultValue={view.sort} selectClassName="input w-auto">
        <Options items={ROSTER_SORTS} label={(k) => SORT_LABELS[k]} />
      </SelectField>
      <button type="submit" className="btn-secondary">
        Show
      </button>
      {view.q ? (
        <Link className="link self-center text-sm" href={`/roster?sort=${view.sort}`}>
          Show every client
        </Link>
      ) : null}
    </form>
  );
}

function ClientTable({ rows, now }: { rows: RosterRow[]; now: string }) {
  return (
    <div className="hidden rounded-xl border border-stone-200 bg-white md:block">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Clients, the one who needs attention most first</caption>
        <colgroup>
          <col className="w-[24%]" />
          <col className="w-[12%]" />
          <col className="w-[12%]" />
          <col className="w-[12%]" />
          <col className="w-[12%]" />
          <col className="w-[16%]" />
          <col className="w-[12%]" />
        </colgroup>
        <thead className="border-b border-stone-200 bg-stone-50">
          <tr>
            {['Client', 'Last activity', 'Hours, 4 weeks', 'Contacts', 'Opportunities', 'Best and weakest channel', 'Weekly goals'].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 align-bottom font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.workspaceId} className="border-b border-stone-100 align-top" aria-label={`Client: ${who(r)}`}>
              <th scope="row" className="px-2 py-2 font-normal [overflow-wrap:anywhere]">
                <Link className="link font-semibold" href={`/w/${r.workspaceId}`}>
                  {who(r)}
                </Link>
                <span className="block text-xs text-stone-500">{r.workspaceName}</span>
                <Reasons r={r} />
                <span className="mt-1 block text-xs text-stone-600">{pluralize(r.newComments, 'new comment')}</span>
                <RowLinks r={r} />
              </th>
              <td className="px-2 py-2">{ago(r.lastActivity, now)}</td>
              <td className="px-2 py-2">
                <Trend r={r} />
              </td>
              <td className="px-2 py-2">
                {r.goingCold} going cold
                <span className="block">{pluralize(r.followUpsOverdue, 'follow-up')} overdue</span>
              </td>
              <td className="px-2 py-2">
                {r.opportunitiesOpened} opened
                <span className="block">{r.opportunitiesOpen} open</span>
                <span className="block">{r.opportunitiesStalled} stalled</span>
              </td>
              <td className="px-2 py-2">
                {r.best ? (
                  <>
                    <Pick label="Best" pick={r.best} />
                    <Pick label="Weakest" pick={r.weakest} />
                  </>
                ) : (
                  'Nothing to compare yet'
                )}
              </td>
              <td className="px-2 py-2 [overflow-wrap:anywhere]">
                <Goals r={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Benchmarks({ benchmarks, poolSize, currency, compare, clients, view }: { benchmarks: Benchmark[]; poolSize: number; currency: string | null; compare: RosterRow | undefined; clients: RosterRow[]; view: RosterView }) {
  const shown = benchmarks.filter((b) => b.workspaces > 0 || (compare?.channels[b.channel] ?? null));
  return (
    <section aria-labelledby="benchmarks-title" className="mt-8">
      <h2 id="benchmarks-title" className="text-lg font-semibold">
        Channels across your clients
      </h2>
      {poolSize === 0 ? (
        <p className="mt-1 max-w-prose text-stone-700">
          Pooled figures appear once at least {MIN_POOL_WORKSPACES} clients have records, so no figure can point to one person.
        </p>
      ) : (
        <>
          <p className="mt-1 max-w-prose text-stone-700">
            What an hour returns in each channel across {poolSize} clients, beside one client&apos;s own. Their grades here start from this pool rather
            than from each one&apos;s own average; a channel is pooled only when at least {MIN_POOL_WORKSPACES} clients work it.
          </p>
          <form method="get" action="/roster" className="mt-3 flex flex-wrap items-end gap-2" aria-label="Compare a client">
            <input type="hidden" name="sort" value={view.sort} />
            {view.q ? <input type="hidden" name="q" value={view.q} /> : null}
            <div>
              <label htmlFor="compare" className="block text-sm font-medium">
                Compare with
              </label>
              <select id="compare" name="compare" defaultValue={compare?.workspaceId} className="input w-auto">
                {clients.map((c) => (
                  <option key={c.workspaceId} value={c.workspaceId}>
                    {who(c)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">
              Compare
            </button>
          </form>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Channel benchmarks">
            {shown.map((b) => {
              const own = compare?.channels[b.channel];
              return (
                <li key={b.channel} className="card">
                  <article aria-label={`Benchmark ${b.name}`}>
                    <h3 className="font-semibold">{b.name}</h3>
                    {b.withheld || !b.value ? (
                      <p className="mt-1 text-sm text-stone-600">
                        Not pooled: {pluralize(b.workspaces, 'client')} {b.workspaces === 1 ? 'works' : 'work'} this channel, fewer than {MIN_POOL_WORKSPACES}.
                      </p>
                    ) : (
                      <p className="mt-1 text-sm">
                        Your clients: {range(b.value, currency ?? 'USD')}. Pays off for {b.paysOff} of {b.workspaces}
                        {b.drains > 0 ? `, a time drain for ${b.drains}` : ''}.
                      </p>
                    )}
                    {compare ? (
                      <p className="mt-1 text-sm">
                        {who(compare)}:{' '}
                        {own ? (
                          <>
                            {range(own.value, compare.currency)} <Badge tone={VERDICT_TONE[own.verdict]}>{own.verdict}</Badge>
                          </>
                        ) : (
                          'not tried yet'
                        )}
                      </p>
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export default async function RosterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const view = parseRosterView(params);
  const now = today();
  const roster = await getRoster(user.id, { today: now });
  const rows = sortRoster(roster.clients, view);

  if (roster.clients.length === 0) {
    return (
      <>
        <PageHeader title="Roster" />
        <EmptyState
          title="No clients yet"
          action={
            <Link href="/" className="btn-primary">
              Go to my workspace
            </Link>
          }
        >
          The roster shows everyone who shared a workspace with you as coach, editor or viewer: who needs you this week, and which channels work across
          them. It fills in when someone invites you into their workspace.
        </EmptyState>
      </>
    );
  }

  const compareId = typeof params.compare === 'string' ? params.compare : undefined;
  const compare = roster.clients.find((c) => c.workspaceId === compareId) ?? rows[0] ?? roster.clients[0];
  const exportQuery = new URLSearchParams({ sort: view.sort, dir: view.dir, ...(view.q ? { q: view.q } : {}) });

  return (
    <>
      <PageHeader
        title="Roster"
        description={`${pluralize(roster.clients.length, 'client')}, the one who needs you most first. Hours compare the last four weeks with the four before; verdicts cover the last 12 months.`}
        actions={
          <a className="btn-secondary" href={`/roster/export?${exportQuery}`} download>
            Download CSV
          </a>
        }
      />
      <ViewForm view={view} clients={roster.clients} />

      <section aria-labelledby="clients-title">
        <h2 id="clients-title" className="sr-only">
          Clients
        </h2>
        {rows.length === 0 ? (
          <p className="card text-stone-700">No client matches “{view.q}”.</p>
        ) : (
          <>
            <ul className="space-y-3 md:hidden" aria-label="Clients">
              {rows.map((r) => (
                <li key={r.workspaceId}>
                  <ClientCard r={r} now={now} />
                </li>
              ))}
            </ul>
            <ClientTable rows={rows} now={now} />
          </>
        )}
      </section>

      <Benchmarks benchmarks={roster.benchmarks} poolSize={roster.poolSize} currency={roster.poolCurrency} compare={compare} clients={roster.clients} view={view} />

      {roster.own.length > 0 ? (
        <section aria-labelledby="you-title" className="mt-8">
          <h2 id="you-title" className="text-lg font-semibold">
            You
          </h2>
          <p className="mt-1 text-sm text-stone-600">Your own workspace, apart from your clients and never in their figures.</p>
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            {roster.own.map((r) => (
              <ClientCard key={r.workspaceId} r={r} now={now} you />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
