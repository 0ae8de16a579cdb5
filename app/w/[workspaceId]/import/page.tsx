import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { PageHeader } from '@/app/_components/page-header';
import { can } from '@/lib/permissions';
import { BackupImport } from './_components/backup-import';
import { CalendarImport } from './_components/calendar-import';
import { CsvImport } from './_components/csv-import';
import { LinkedinImport } from './_components/linkedin-import';
import { VcardImport } from './_components/vcard-import';
import type { ImportKind } from './_components/upload-form';
import { importOutcome, type ImportOutcome } from './_lib/plain-form';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Import' };

/** One source's section: what it brings in, the outcome of a post made before the script ran, and its form. */
function Source({
  kind,
  title,
  outcome,
  form,
  children,
}: {
  kind: ImportKind;
  title: string;
  outcome: ImportOutcome | null;
  form: ReactNode;
  children: ReactNode;
}) {
  const id = kind === 'workspace' ? 'backup' : kind;
  const shown = outcome?.kind === kind ? outcome : null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-stone-700">{children}</p>
      {shown ? (
        <p
          role={shown.ok ? 'status' : 'alert'}
          className={`mt-3 rounded-lg border px-3 py-2 text-sm [overflow-wrap:anywhere] ${shown.ok ? 'border-brand-100 bg-brand-50 text-brand-800' : 'border-red-200 bg-red-50 font-medium text-red-800'}`}
        >
          {shown.text}
        </p>
      ) : null}
      {form}
    </section>
  );
}

export default workspacePage(async ({ ctx, workspaceId, searchParams }) => {
  const canWrite = can(ctx.role, 'records.write');
  const { outcome: outcomeId } = await searchParams;
  const outcome = await importOutcome(typeof outcomeId === 'string' ? outcomeId : undefined);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Import"
        description="Bring in the people and efforts you already track elsewhere, so the payoff picture starts complete."
        actions={
          <Link href={`/w/${workspaceId}/export`} className="btn-secondary">
            Export
          </Link>
        }
      />
      {canWrite ? (
        <>
          <Source kind="linkedin" form={<LinkedinImport workspaceId={workspaceId} />} title="LinkedIn connections" outcome={outcome}>
            Every connection becomes a LinkedIn contact, met on the day you connected. Importing the same file again adds no one twice.
          </Source>
          <Source kind="vcard" form={<VcardImport workspaceId={workspaceId} />} title="Contact cards" outcome={outcome}>
            Cards shared from a phone or exported from an address book. People already in your contacts (same e-mail, LinkedIn address,
            or name and company) are shown and left out.
          </Source>
          <Source kind="calendar" form={<CalendarImport workspaceId={workspaceId} />} title="Calendar" outcome={outcome}>
            Past meetings with your contacts go into their timelines; being invited by a contact counts as them reaching out. A
            one-to-one with someone new can become an informational interview. The same meeting is recorded once, however often you
            upload it.
          </Source>
          <Source kind="csv" form={<CsvImport workspaceId={workspaceId} />} title="Spreadsheet (CSV)" outcome={outcome}>
            Contacts, efforts or opportunities from any spreadsheet: you choose which column is which.
          </Source>
        </>
      ) : (
        <p className="card text-stone-700">Your role in this workspace is read-only, so you cannot import records into it.</p>
      )}
      <Source kind="workspace" form={<BackupImport workspaceId={workspaceId} canReplace={can(ctx.role, 'workspace.settings')} />} title="Restore a workspace export" outcome={outcome}>
        A file from “Export workspace” comes back with everything in it, into a workspace of your own.
      </Source>
    </div>
  );
});
