'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/app/_components/field';
import type { CalendarImportResult, CalendarPlan } from '@/lib/data/capture';
import { formatDate } from '@/lib/dates';
import { DIRECTION_LABELS } from '@/lib/schemas/interaction-options';
import { plural, upload } from './upload';

/** Upload an .ics export: past meetings with contacts become interactions, chosen one-to-ones informational interviews. */
export function CalendarImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<CalendarPlan | null>(null);
  const [interviews, setInterviews] = useState<number[]>([]);
  const [done, setDone] = useState<CalendarImportResult | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const url = (mode: string) => `/w/${workspaceId}/import/calendar?mode=${mode}&interviews=${interviews.join(',')}`;

  async function preview(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(null);
    setPlan(null);
    setInterviews([]);
    if (!file) return setError('Choose an .ics file first.');
    setBusy('preview');
    const result = await upload<{ plan: CalendarPlan }>(url('preview'), file);
    setBusy(null);
    if (result.ok) setPlan(result.data.plan);
    else setError(result.error);
  }

  async function confirm() {
    if (!file || !plan) return;
    setError(undefined);
    setBusy('import');
    const result = await upload<{ plan: CalendarImportResult }>(url('import'), file);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(result.data.plan);
    setPlan(null);
    router.refresh();
  }

  const toWrite = plan ? plan.meetingCount + interviews.length : 0;
  return (
    <div className="mt-4 space-y-4">
      <form onSubmit={preview} noValidate aria-label="Calendar file" className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="calendar-file" className="block text-sm font-medium text-stone-800">
            Calendar file (.ics)
          </label>
          <input
            id="calendar-file"
            name="file"
            type="file"
            accept=".ics,text/calendar"
            aria-describedby="calendar-file-hint"
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPlan(null);
              setDone(null);
              setError(undefined);
            }}
          />
          <p id="calendar-file-hint" className="text-sm text-stone-600">
            An export from Google Calendar, Outlook or Apple Calendar. Up to 10 MB; events still to come are left out.
          </p>
        </div>
        <FormError message={error} />
        <button type="submit" className="btn-secondary" disabled={busy !== null}>
          {busy === 'preview' ? 'Reading the calendar…' : 'Preview calendar'}
        </button>
      </form>

      {plan ? (
        <section aria-labelledby="calendar-preview-title" className="space-y-3 rounded-lg border border-stone-200 p-3 sm:p-4">
          <h3 id="calendar-preview-title" className="font-semibold">
            Preview: nothing is saved yet
          </h3>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="What the import will do">
            <li>
              <strong>{plan.meetingCount.toLocaleString('en-US')}</strong> meetings with contacts
            </li>
            <li>
              <strong>{plan.interviewCount.toLocaleString('en-US')}</strong> one-to-ones with someone new
            </li>
            <li>
              <strong>{plan.skippedCount.toLocaleString('en-US')}</strong> left out
            </li>
          </ul>
          {plan.items.length ? (
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
                        onChange={(e) =>
                          setInterviews((list) => (e.target.checked ? [...list, item.index] : list.filter((i) => i !== item.index)))
                        }
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
          ) : null}
          {plan.skipped.length ? (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">Why events are left out</summary>
              <ul className="mt-2 space-y-0.5 text-stone-700">
                {plan.skipped.map((s, i) => (
                  <li key={i}>
                    {formatDate(s.date)} {s.summary}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <button type="button" className="btn-primary" onClick={confirm} disabled={busy !== null || toWrite === 0}>
            {busy === 'import'
              ? 'Importing…'
              : toWrite === 0
                ? 'Nothing new to import'
                : `Import ${plural(plan.meetingCount, 'meeting')}${interviews.length ? ` and ${plural(interviews.length, 'interview')}` : ''}`}
          </button>
        </section>
      ) : null}

      {done ? (
        <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          Imported: {plural(done.interactionCount, 'meeting')} in your contacts’ timelines, {plural(done.interviewsLogged, 'informational interview')},{' '}
          {done.skippedCount.toLocaleString('en-US')} left out.
        </p>
      ) : null}
    </div>
  );
}
