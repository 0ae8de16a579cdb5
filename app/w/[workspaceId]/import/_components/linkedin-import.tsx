'use client';

import { useRouter } from 'next/navigation';
import type { LinkedinPlan } from '@/lib/data/import/linkedin';
import { formatDate } from '@/lib/dates';
import { linkedinSummary } from './summaries';
import { plural } from './upload';
import { DoneNotice, ImportButton, PreviewPanel, SampleRows, UploadForm } from './upload-form';

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
              <SampleRows
                label="First rows"
                rows={plan.sample.map((row) => ({
                  line: row.line,
                  name: row.name,
                  details: [row.role, row.company],
                  status: `${row.metOn ? `${formatDate(row.metOn)} · ` : ''}${STATUS_LABEL[row.status]}`,
                }))}
              />
            }
            skipped={{ title: 'Why rows are skipped', lines: plan.skipped.map((s) => `Line ${s.line}: ${s.reason}`) }}
            action={
              <ImportButton busy={busy} count={toWrite} busyLabel={`Importing ${plural(toWrite, 'row')}…`} onClick={() => confirm()}>
                Import {plural(toWrite, 'contact')}
              </ImportButton>
            }
          />
        );
      }}
      renderDone={({ plan }) => <DoneNotice link={{ href: `/w/${workspaceId}/contacts`, label: 'See your contacts' }}>{linkedinSummary(plan)}</DoneNotice>}
      onImported={() => router.refresh()}
    />
  );
}
