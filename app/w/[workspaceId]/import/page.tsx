import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/app/_components/page-header';
import { can } from '@/lib/permissions';
import { requireWorkspace } from '@/lib/workspace';
import { BackupImport } from './_components/backup-import';
import { CalendarImport } from './_components/calendar-import';
import { CsvImport } from './_components/csv-import';
import { LinkedinImport } from './_components/linkedin-import';
import { VcardImport } from './_components/vcard-import';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  const canWrite = can(ctx.role, 'records.write');
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
          <section className="card" aria-labelledby="linkedin-title">
            <h2 id="linkedin-title" className="text-lg font-semibold">
              LinkedIn connections
            </h2>
            <p className="mt-1 text-stone-700">
              Every connection becomes a LinkedIn contact, met on the day you connected. Importing the same file again adds no one twice.
            </p>
            <LinkedinImport workspaceId={workspaceId} />
          </section>
          <section className="card" aria-labelledby="vcard-title">
            <h2 id="vcard-title" className="text-lg font-semibold">
              Contact cards
            </h2>
            <p className="mt-1 text-stone-700">
              Cards shared from a phone or exported from an address book. People already in your contacts (same e-mail, LinkedIn
              address, or name and company) are shown and left out.
            </p>
            <VcardImport workspaceId={workspaceId} />
          </section>
          <section className="card" aria-labelledby="calendar-title">
            <h2 id="calendar-title" className="text-lg font-semibold">
              Calendar
            </h2>
            <p className="mt-1 text-stone-700">
              Past meetings with your contacts go into their timelines; being invited by a contact counts as them reaching out. A
              one-to-one with someone new can become an informational interview. The same meeting is recorded once, however often you
              upload it.
            </p>
            <CalendarImport workspaceId={workspaceId} />
          </section>
          <section className="card" aria-labelledby="csv-title">
            <h2 id="csv-title" className="text-lg font-semibold">
              Spreadsheet (CSV)
            </h2>
            <p className="mt-1 text-stone-700">Contacts, efforts or opportunities from any spreadsheet: you choose which column is which.</p>
            <CsvImport workspaceId={workspaceId} />
          </section>
        </>
      ) : (
        <p className="card text-stone-700">Your role in this workspace is read-only, so you cannot import records into it.</p>
      )}
      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title" className="text-lg font-semibold">
          Restore a workspace export
        </h2>
        <p className="mt-1 text-stone-700">A file from “Export workspace” comes back with everything in it, into a workspace of your own.</p>
        <BackupImport workspaceId={workspaceId} canReplace={can(ctx.role, 'workspace.settings')} />
      </section>
    </div>
  );
}
