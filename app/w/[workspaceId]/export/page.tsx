import type { Metadata } from 'next';
import Link from 'next/link';
import { CardSection, PageHeader } from '@/app/_components/page-header';
import { getCalendarFeedInfo } from '@/lib/data/calendar';
import { can } from '@/lib/permissions';
import { CalendarFeed } from './_components/calendar-feed';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Export' };

export default workspacePage(async ({ ctx, workspaceId }) => {
  const feed = await getCalendarFeedInfo(ctx.userId);
  const base = `/w/${workspaceId}/export`;
  const lists = [
    { href: `${base}/efforts`, label: 'Efforts (CSV)' },
    { href: `${base}/contacts`, label: 'Contacts (CSV)' },
    { href: `${base}/opportunities`, label: 'Opportunities (CSV)' },
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Export"
        description="Your records are yours: take them to a spreadsheet, keep a backup, or see follow-ups in your calendar."
        actions={
          can(ctx.role, 'records.write') ? (
            <Link href={`/w/${workspaceId}/import`} className="btn-secondary">
              Import
            </Link>
          ) : null
        }
      />
      <CardSection id="lists" title="Lists as spreadsheets">
        <p className="mt-1 text-stone-700">Every row of each list. To export a filtered list, use “Export CSV” on the list itself.</p>
        <ul className="mt-3 flex flex-wrap gap-2">
          {lists.map((l) => (
            <li key={l.href}>
              <a href={l.href} download className="btn-secondary">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </CardSection>
      {can(ctx.role, 'workspace.export') ? (
        <CardSection id="backup" title="Whole workspace">
          <p className="mt-1 text-stone-700">
            One file with the settings and every effort, contact, interaction, opportunity and comment. Restore it from the Import page, here or
            on another Groundwork server.
          </p>
          <a href={`${base}/workspace`} download className="btn-secondary mt-3">
            Export workspace (JSON)
          </a>
        </CardSection>
      ) : null}
      <CardSection id="calendar" title="Calendar feed">
        <p className="mt-1 text-stone-700">
          Follow-up dates, interview follow-ups and keep-in-touch dates from all your workspaces, in the calendar you already check. Contacts
          only remember you if you follow up.
        </p>
        <CalendarFeed workspaceId={workspaceId} hasFeed={Boolean(feed)} />
      </CardSection>
    </div>
  );
});
