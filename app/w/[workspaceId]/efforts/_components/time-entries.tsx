'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Disclosure } from '@/app/_components/disclosure';
import { ErrorText, Field, FormError, HiddenFields } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { CONNECTION_ERROR, REFUSED_ERROR, useButtonAction } from '@/app/_components/use-button-action';
import { useFocusOnClose } from '@/app/_components/use-focus-on-close';
import { useHydrated } from '@/app/_components/use-hydrated';
import type { FormState } from '@/lib/form-data';
import { formatDate } from '@/lib/dates';
import { formatHours } from '@/lib/payoff/format';
import {
  addTimeEntryAction,
  addTimeEntryFormAction,
  deleteTimeEntryAction,
  deleteTimeEntryFormAction,
  updateTimeEntryAction,
  updateTimeEntryFormAction,
} from '../actions';

type Entry = { id: string; date: string; hours: number; note: string };

/** The effort's time entries: a list, and for writers an add form plus edit and delete per entry. */
export function TimeEntries({
  workspaceId,
  effortId,
  entries,
  canWrite,
  defaultDate,
}: {
  workspaceId: string;
  effortId: string;
  entries: Entry[];
  canWrite: boolean;
  defaultDate: string;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  // Closing an entry's form gives the focus back to its Edit button rather than to the page.
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || !returnTo.current) return;
    document.getElementById(`entry-edit-${returnTo.current}`)?.focus();
    returnTo.current = null;
  }, [editing]);
  const close = (id: string) => {
    returnTo.current = id;
    setEditing(null);
  };
  return (
    <div className="space-y-4">
      {entries.length === 0 ? (
        <p className="text-stone-700">No time logged yet.{canWrite ? ' Add the hours you put in below.' : ''}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200" aria-label="Time entries">
          {entries.map((entry) =>
            editing === entry.id ? (
              <li key={entry.id} className="p-3">
                <EntryForm
                  idPrefix={`edit-${entry.id}`}
                  initial={{ date: entry.date, hours: String(entry.hours), note: entry.note }}
                  submitLabel="Save entry"
                  action={(values) => updateTimeEntryAction(workspaceId, { ...values, id: entry.id })}
                  onDone={() => close(entry.id)}
                  onCancel={() => close(entry.id)}
                  focusFirst
                />
              </li>
            ) : (
              <EntryRow
                key={entry.id}
                entry={entry}
                workspaceId={workspaceId}
                canWrite={canWrite}
                onEdit={() => setEditing(entry.id)}
              />
            ),
          )}
        </ul>
      )}
      {canWrite ? (
        <section aria-labelledby="add-entry-title" className="rounded-lg border border-dashed border-stone-300 p-3">
          <h3 id="add-entry-title" className="font-semibold">
            Add time entry
          </h3>
          <EntryForm
            idPrefix="new-entry"
            initial={{ date: defaultDate, hours: '', note: '' }}
            submitLabel="Add time entry"
            resetAfter
            action={(values) => addTimeEntryAction(workspaceId, { ...values, effortId })}
            formAction={addTimeEntryFormAction}
            hidden={{ workspaceId, effortId }}
          />
        </section>
      ) : null}
    </div>
  );
}

function EntryRow({
  entry,
  workspaceId,
  canWrite,
  onEdit,
}: {
  entry: Entry;
  workspaceId: string;
  canWrite: boolean;
  onEdit: () => void;
}) {
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  // "Keep" puts the focus back on Delete.
  const deleteButton = useFocusOnClose<HTMLButtonElement>(confirming);
  const [posted, post] = useActionState(deleteTimeEntryFormAction, null);
  const { pending, message: error, run } = useButtonAction(posted && !posted.ok ? posted.formError : undefined);
  const name = `${formatDate(entry.date)}, ${formatHours(entry.hours)}`;
  const remove = async () => {
    const result = await deleteTimeEntryAction(workspaceId, { id: entry.id }).catch(() => null);
    if (result?.ok) {
      // The row goes away with its buttons: the focus moves to the list's heading.
      document.getElementById('entries-title')?.focus();
      return;
    }
    setConfirming(false);
    return result ? (result.formError ?? REFUSED_ERROR) : CONNECTION_ERROR;
  };
  if (canWrite && !hydrated) {
    // Before the script runs: Edit and Delete open in place, and each posts its own form.
    return (
      <li className="space-y-2 p-3">
        <EntrySummary entry={entry} error={error} />
        <div className="flex flex-wrap items-start gap-2">
          <Disclosure summary={<>Edit<span className="sr-only"> entry {name}</span></>}>
            <EntryForm
              idPrefix={`edit-${entry.id}`}
              initial={{ date: entry.date, hours: String(entry.hours), note: entry.note }}
              submitLabel="Save entry"
              action={(values) => updateTimeEntryAction(workspaceId, { ...values, id: entry.id })}
              formAction={updateTimeEntryFormAction}
              hidden={{ workspaceId, id: entry.id }}
            />
          </Disclosure>
          <Disclosure summary={<>Delete<span className="sr-only"> entry {name}</span></>}>
            <form action={post} className="flex flex-wrap items-center gap-2" aria-label={`Delete entry ${name}`}>
              <HiddenFields values={{ workspaceId, id: entry.id }} />
              <span className="text-sm">Delete this entry?</span>
              <button type="submit" className="btn-danger">
                Yes, delete
              </button>
            </form>
          </Disclosure>
        </div>
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 p-3">
      <EntrySummary entry={entry} error={error} />
      {canWrite ? (
        confirming ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm">Delete this entry?</span>
            <PendingButton type="button" className="btn-danger" pending={pending} pendingLabel="Deleting…" onClick={() => run(remove)}>
              Yes, delete
            </PendingButton>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            <button type="button" id={`entry-edit-${entry.id}`} className="btn-secondary" onClick={onEdit} aria-label={`Edit entry ${name}`}>
              Edit
            </button>
            <button
              type="button"
              ref={deleteButton}
              className="btn-secondary"
              onClick={() => setConfirming(true)}
              aria-label={`Delete entry ${name}`}
            >
              Delete
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}

function EntrySummary({ entry, error }: { entry: Entry; error?: string }) {
  return (
    <div className="min-w-0">
      <p className="font-medium">
        {formatDate(entry.date)} · {formatHours(entry.hours)}
      </p>
      {entry.note ? <p className="break-words text-sm text-stone-600">{entry.note}</p> : null}
      <ErrorText message={error} />
    </div>
  );
}

type EntryValues = { date: string; hours: string; note: string };
type Result = { ok: true; data: unknown } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

function EntryForm({
  idPrefix,
  initial,
  submitLabel,
  action,
  resetAfter,
  onDone,
  onCancel,
  focusFirst,
  formAction,
  hidden,
}: {
  idPrefix: string;
  initial: EntryValues;
  submitLabel: string;
  action: (values: EntryValues) => Promise<Result>;
  /** The same action taking FormData, and the fields it needs, so the form posts before the script runs. */
  formAction?: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  resetAfter?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
  /** An edit form opened in place takes the focus on its first field. */
  focusFirst?: boolean;
}) {
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/effort').then((m) => m.timeEntrySchema),
    formAction,
    defaultValues: initial,
    action: (values) => action(values as EntryValues),
    onSuccess: () => {
      if (resetAfter) form.reset({ ...initial, date: form.getValues('date') as string });
      onDone?.();
    },
  });
  return (
    <form {...formProps} noValidate className="mt-2 space-y-3" aria-label={submitLabel}>
      <FormError message={formError} />
      <HiddenFields values={hidden ?? {}} />
      <div className="grid gap-3 sm:grid-cols-[10rem_7rem_1fr]">
        <Field id={`${idPrefix}-date`} label="Entry date" error={errors.date?.message}>
          {(a) => <input {...a} {...field('date')} type="date" className="input" autoFocus={focusFirst} />}
        </Field>
        <Field id={`${idPrefix}-hours`} label="Entry hours" error={errors.hours?.message}>
          {(a) => <input {...a} {...field('hours')} inputMode="decimal" className="input" />}
        </Field>
        <Field id={`${idPrefix}-note`} label="Entry note" error={errors.note?.message}>
          {(a) => <input {...a} {...field('note')} className="input" autoComplete="off" />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <PendingButton pending={submitting} pendingLabel="Saving…">
          {submitLabel}
        </PendingButton>
        {onCancel ? (
          <button type="button" className="btn-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
