import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeader } from '@/app/_components/page-header';
import { formatDate, today } from '@/lib/dates';
import { getRoster, ROSTER_DAYS, sortRoster, type ChannelGrade, type RosterRow } from '@/lib/data/roster';
import { CHANNELS, channelName, formatHours, type ChannelKey } from '@/lib/payoff';
import { can, ROLE_LABELS } from '@/lib/permissions';
import { parseRosterView, type RosterSort, type RosterView } from '@/lib/schemas/team';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Roster' };

const SHORT: Record<ChannelKey, string> = {
  events: 'Events',
  organizations: 'Orgs',
  volunteering: 'Volunteering',
  stretch: 'Stretch',
  interviews: 'Interviews',
  linkedin: 'LinkedIn',
  other: 'Other',
};

const SORT_LABELS: Record<RosterSort, string> = {
  person: 'Person',
  workspace: 'Workspace',
  hours: 'Hours this month',
  wins: `Won (${ROSTER_DAYS} days)`,
  cold: 'Going cold',
  activity: 'Last activity',
  ...(Object.fromEntries(CHANNELS.map((c) => [c.key, `${c.name} grade`])) as Record<ChannelKey, string>),
};

// Numbers and grades read best biggest first; names alphabetically.
const FIRST_DIR: Record<RosterSort, 'asc' | 'desc'> = Object.fromEntries(
  Object.keys(SORT_LABELS).map((k) => [k, k === 'person' || k === 'workspace' ? 'asc' : 'desc']),
) as Record<RosterSort, 'asc' | 'desc'>;

function sortHref(view: RosterView, sort: RosterSort): string {
  const dir = view.sort === sort ? (view.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIR[sort];
  return `/roster?sort=${sort}&dir=${dir}`;
}

function SortHeader({ view, sort, children, className = '' }: { view: RosterView; sort: RosterSort; children: React.ReactNode; className?: string }) {
  const active = view.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`px-2 py-2 font-semibold ${className}`}>
      <Link href={sortHref(view, sort)} className="inline-flex items-center gap-1 hover:underline">
        {children}
        <span aria-hidden="true" className="text-stone-400">
          {active ? (view.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">, sort</span>
      </Link>
    </th>
  );
}

function GradeCell({ grade, channel }: { grade?: ChannelGrade; channel: ChannelKey }) {
  if (!grade) return <span className="text-stone-400" aria-label={`${channelName(channel)}: no data`}>—</span>;
  if (grade.grade === null) {
    return (
      <span className="text-xs font-semibold text-stone-700" title={`${channelName(channel)}: too early to grade (${grade.verdict}), ${formatHours(grade.hours)}`}>
        {grade.verdict === 'Time drain' ? 'Drain' : 'Too early'}
      </span>
    );
  }
  const tone = grade.grade === 'A' || grade.grade === 'B' ? 'text-brand-800' : grade.grade === 'F' || grade.grade === 'D' ? 'text-red-800' : 'text-stone-800';
  return (
    <span className={`font-bold ${tone}`} title={`${channelName(channel)}: ${grade.verdict}, ${formatHours(grade.hours)}`}>
      {grade.grade}
    </span>
  );
}

function Stats({ row }: { row: Pick<RosterRow, 'hoursThisMonth' | 'wins' | 'goingCold' | 'lastActivity'> }) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
      <dt className="text-stone-600">Hours this month</dt>
      <dd className="text-right tabular-nums">{formatHours(row.hoursThisMonth)}</dd>
      <dt className="text-stone-600">Won ({ROSTER_DAYS} days)</dt>
      <dd className="text-right tabular-nums">{row.wins}</dd>
      <dt className="text-stone-600">Going cold</dt>
      <dd className="text-right tabular-nums">{row.goingCold}</dd>
      <dt className="text-stone-600">Last activity</dt>
      <dd className="text-right">{row.lastActivity ? formatDate(row.lastActivity.toISOString()) : '—'}</dd>
    </dl>
  );
}

function GradeChips({ grades }: { grades: RosterRow['grades'] }) {
  const present = CHANNELS.filter((c) => grades[c.key]);
  if (present.length === 0) return <p className="mt-2 text-sm text-stone-600">No graded channel in the last {ROSTER_DAYS} days.</p>;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Grades per channel">
      {present.map((c) => (
        <li key={c.key} className="rounded-full border border-stone-200 px-2 py-0.5 text-sm">
          {SHORT[c.key]} <GradeCell grade={grades[c.key]} channel={c.key} />
        </li>
      ))}
    </ul>
  );
}

export default async function RosterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const view = parseRosterView(await searchParams);
  const roster = await getRoster(user.id, { today: today() });
  const rows = sortRoster(roster.rows, view);

  if (rows.length < 2) {
    return (
      <>
        <PageHeader title="Roster" />
        <EmptyState
          title="Only one workspace so far"
          action={
            <Link href="/" className="btn-primary">
              Go to my workspace
            </Link>
          }
        >
          The roster puts every workspace you can see side by side — a coach&apos;s clients, a team&apos;s members — with
          each channel&apos;s grade. It fills in when someone invites you into their workspace.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Roster"
        description={`Every workspace you can see, side by side: each channel's grade over the last ${ROSTER_DAYS} days (first-touch attribution) and what needs attention.`}
      />

      <form method="get" className="mb-4 flex flex-wrap items-end gap-2 md:hidden" aria-label="Sort the roster">
        <div>
          <label htmlFor="sort" className="block text-sm font-medium">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={view.sort} className="input w-auto">
            {(Object.keys(SORT_LABELS) as RosterSort[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="dir" className="block text-sm font-medium">
            Order
          </label>
          <select id="dir" name="dir" defaultValue={view.dir} className="input w-auto">
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Sort
        </button>
      </form>

      <ul className="space-y-3 md:hidden" aria-label="Workspaces">
        {rows.map((r) => (
          <li key={r.workspaceId} className="card">
            <article aria-label={`${r.ownerName ?? r.workspaceName}: ${r.workspaceName}`}>
              <h2 className="font-semibold">
                <Link className="link" href={`/w/${r.workspaceId}`}>
                  {r.ownerName ?? 'No owner'}
                </Link>
              </h2>
              <p className="text-sm text-stone-600">
                {r.workspaceName} · you are {ROLE_LABELS[r.role].toLowerCase()}
              </p>
              <GradeChips grades={r.grades} />
              <Stats row={r} />
              {can(r.role, 'notes.private') ? (
                <Link className="link mt-3 inline-block text-sm" href={`/roster/${r.workspaceId}`}>
                  Private notes
                </Link>
              ) : null}
            </article>
          </li>
        ))}
        <li className="card border-brand-100 bg-brand-50">
          <article aria-label="The team">
            <h2 className="font-semibold">The team</h2>
            <p className="text-sm text-stone-600">All {rows.length} workspaces together</p>
            <GradeChips grades={roster.team.grades} />
            <Stats row={roster.team} />
          </article>
        </li>
      </ul>

      <div className="relative hidden overflow-x-auto rounded-xl border border-stone-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Workspaces side by side, sortable by each column</caption>
          <thead className="border-b border-stone-200 bg-stone-50">
            <tr>
              <SortHeader view={view} sort="person">
                Person
              </SortHeader>
              <SortHeader view={view} sort="workspace">
                Workspace
              </SortHeader>
              {CHANNELS.map((c) => (
                <SortHeader key={c.key} view={view} sort={c.key} className="text-center">
                  <abbr title={c.name} className="no-underline">
                    {SHORT[c.key]}
                  </abbr>
                </SortHeader>
              ))}
              <SortHeader view={view} sort="hours" className="text-right">
                Hours (month)
              </SortHeader>
              <SortHeader view={view} sort="wins" className="text-right">
                Won
              </SortHeader>
              <SortHeader view={view} sort="cold" className="text-right">
                Going cold
              </SortHeader>
              <SortHeader view={view} sort="activity">
                Last activity
              </SortHeader>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Notes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.workspaceId} className="border-b border-stone-100">
                <th scope="row" className="px-2 py-2 font-semibold">
                  <Link className="link" href={`/w/${r.workspaceId}`}>
                    {r.ownerName ?? 'No owner'}
                  </Link>
                </th>
                <td className="px-2 py-2">
                  {r.workspaceName}
                  <span className="block text-xs text-stone-500">{ROLE_LABELS[r.role]}</span>
                </td>
                {CHANNELS.map((c) => (
                  <td key={c.key} className="px-2 py-2 text-center">
                    <GradeCell grade={r.grades[c.key]} channel={c.key} />
                  </td>
                ))}
                <td className="px-2 py-2 text-right tabular-nums">{formatHours(r.hoursThisMonth)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{r.wins}</td>
                <td className="px-2 py-2 text-right tabular-nums">{r.goingCold}</td>
                <td className="px-2 py-2">{r.lastActivity ? formatDate(r.lastActivity.toISOString()) : '—'}</td>
                <td className="px-2 py-2">
                  {can(r.role, 'notes.private') ? (
                    <Link className="link" href={`/roster/${r.workspaceId}`}>
                      Notes<span className="sr-only"> about {r.ownerName ?? r.workspaceName}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="bg-brand-50">
            <tr>
              <th scope="row" className="px-2 py-2 font-semibold" colSpan={2}>
                The team
              </th>
              {CHANNELS.map((c) => (
                <td key={c.key} className="px-2 py-2 text-center">
                  <GradeCell grade={roster.team.grades[c.key]} channel={c.key} />
                </td>
              ))}
              <td className="px-2 py-2 text-right tabular-nums">{formatHours(roster.team.hoursThisMonth)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{roster.team.wins}</td>
              <td className="px-2 py-2 text-right tabular-nums">{roster.team.goingCold}</td>
              <td className="px-2 py-2">{roster.team.lastActivity ? formatDate(roster.team.lastActivity.toISOString()) : '—'}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
