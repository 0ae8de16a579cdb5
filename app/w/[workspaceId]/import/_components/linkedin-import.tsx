'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { LinkedinPlan } from '@/lib/data/import/linkedin';
import { formatDate } from '@/lib/dates';
import { linkedinSummary } from './summaries';
import { plural } from './upload';
import { DoneNotice, PreviewPanel, UploadForm } from './upload-form';

const STATUS_LABEL = { new: 'New', updated: 'Updated', unchanged: 'Already here' } as const;

type Answer = { plan: LinkedinPlan };

/** Upload LinkedIn's Connections.csv, see what would change, then import it in one go. */
export function LinkedinImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  return (
    <UploadForm<Answer, Answer>
      workspaceId={workspaceId}
      kind="linkedin"
      label="LinkedIn connections"
      file={{
        label: 'Connections.csv',
        accept: '.csv,text/csv',
        hint: 'On LinkedIn: Settings → Data privacy → Get a copy of your data → Connections. Up to 10 MB.',
        missing: 'Choose your Connections.csv file first.',
      }}
      submit={['Preview import', 'Reading the file…']}
      plain="Import connections"
      renderPreview={({ plan }, { busy, confirm }) => {
        const toWrite = plan.newCount + plan.updatedCount;
        return (
          <PreviewPanel
            id="linkedin"
            counts={[
              [plan.newCount, 'new'],
              [plan.updatedCount, 'updated'],
              [plan.skippedCount, 'skipped'],
            ]}
            sample={
              plan.sample.length ? (
                <ul className="divide-y divide-stone-200 text-sm" aria-label="First rows">
                  {plan.sample.map((row) => (
                    <li key={row.line} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                      <span className="min-w-0 [overflow-wrap:anywhere]">
                        <span className="font-medium">{row.name}</span>
                        {row.role || row.company ? <span className="text-stone-600"> · {[row.role, row.company].filter(Boolean).join(', ')}</span> : null}
                      </span>
                      <span className="text-stone-600">
                        {row.metOn ? `${formatDate(row.metOn)} · ` : ''}
                        {STATUS_LABEL[row.status]}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null
            }
            skipped={{
              title: 'Why rows are skipped',
              items: plan.skipped.map((s) => (
                <li key={`${s.line}-${s.reason}`}>
                  Line {s.line}: {s.reason}
                </li>
              )),
            }}
            action={
              <button type="button" className="btn-primary" onClick={() => confirm()} disabled={busy !== null || toWrite === 0}>
                {busy === 'import' ? `Importing ${plural(toWrite, 'row')}…` : toWrite === 0 ? 'Nothing new to import' : `Import ${plural(toWrite, 'contact')}`}
              </button>
            }
          />
        );
      }}
      renderDone={({ plan }) => (
        <DoneNotice>
          {linkedinSummary(plan)}{' '}
          <Link href={`/w/${workspaceId}/contacts`} className="link">
            See your contacts
          </Link>
        </DoneNotice>
      )}
      onImported={() => router.refresh()}
    />
  );
}
