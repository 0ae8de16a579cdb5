'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CalendarImportResult, CalendarPlan } from '@/lib/data/capture';
import { formatDate } from '@/lib/dates';
import { DIRECTION_LABELS } from '@/lib/schemas/interaction-options';
import { calendarSummary } from './summaries';
import { plural } from './upload';
import { DoneNotice, ImportButton, PreviewPanel, UploadForm, type UploadControls } from './upload-form';

/** Upload an .ics export: past meetings with contacts become interactions, chosen one-to-ones informational interviews. */
export function CalendarImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  return (
    <UploadForm<{ plan: CalendarPlan }, { plan: CalendarImportResult }>
      workspaceId={workspaceId}
      kind="calendar"
      label="Calendar file"
      file={{
        label: 'Calendar file (.ics)',
        accept: '.ics,text/calendar',
        hint: 'An export from Google Calendar, Outlook or Apple Calendar. Up to 10 MB; events still to come are left out.',
        missing: 'Choose an .ics file first.',
      }}
      submit={['Preview calendar', 'Reading the calendar…']}
      plain="Import meetings"
      renderPreview={({ plan }, controls) => <CalendarPreview plan={plan} controls={controls} />}
      renderDone={({ plan }) => <DoneNotice>{calendarSummary(plan)}</DoneNotice>}
      onImported={() => router.refresh()}
    />
  );
}

/** The preview, where one-to-ones with someone new can be chosen as informational interviews. */
function CalendarPreview({ plan, controls: { busy, confirm } }: { plan: CalendarPlan; controls: UploadControls }) {
  const [interviews, setInterviews] = useState<number[]>([]);
  const toWrite = plan.meetingCount + interviews.length;
  return (
    <PreviewPanel
      id="calendar"
      counts={[
        [plan.meetingCount, 'meetings with contacts'],
        [plan.interviewCount, 'one-to-ones with someone new'],
        [plan.skippedCount, 'left out'],
      ]}
      sample={
        plan.items.length ? (
          <ul className="divide-y divide-stone-200 text-sm" aria-label="Events">
            {plan.items.map((item) => (
              <li key={item.index} className="py-1.5">
                {item.status === 'meeting' ? (
                  <span className="[overflow-wrap:anywhere]">
                    <span className="font-medium">{item.summary || 'Meeting'}</span>
                    <span className="text-stone-600">
                      {' '}
                      · {formatDate(item.date)} · {item.contacts.map((c) => `${c.name} (${DIRECTION_LABELS[c.direction].toLowerCase()})`).join(', ')}
                    </span>
                  </span>
                ) : (
                  <label className="flex items-start gap-2 [overflow-wrap:anywhere]">
                    <input
                      type="checkbox"
                      className="mt-1"
                      checked={interviews.includes(item.index)}
                      onChange={(e) => setInterviews((list) => (e.target.checked ? [...list, item.index] : list.filter((i) => i !== item.index)))}
                    />
                    <span>
                      Log <span className="font-medium">{item.summary || 'this meeting'}</span> ({formatDate(item.date)}) as an informational
                      interview with {item.person?.name}, a new contact
                    </span>
                  </label>
                )}
              </li>
            ))}
          </ul>
        ) : null
      }
      skipped={{ title: 'Why events are left out', lines: plan.skipped.map((s) => `${formatDate(s.date)} ${s.summary}: ${s.reason}`) }}
      action={
        <ImportButton busy={busy} count={toWrite} busyLabel="Importing…" onClick={() => confirm({ interviews: interviews.join(',') })}>
          Import {plural(plan.meetingCount, 'meeting')}
          {interviews.length ? ` and ${plural(interviews.length, 'interview')}` : ''}
        </ImportButton>
      }
    />
  );
}
