'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import {
  isClosedStage,
  KIND_LABELS,
  OPPORTUNITY_KINDS,
  opportunitySchema,
  STAGE_LABELS,
  STAGES,
  type OpportunityFormInput,
  type StageKey,
} from '@/lib/schemas/opportunity';
import { createOpportunityAction, updateOpportunityAction } from '../actions';

interface Choice {
  id: string;
  label: string;
}

export interface OpportunityFormValues {
  title: string;
  kind: string;
  contactId: string;
  effortId: string;
  stage: string;
  expectedValue: string;
  wonValue: string;
  openedOn: string;
  closedOn: string;
  notes: string;
}

/** Create or edit an opportunity; an edit carries the version it was loaded at. */
export function OpportunityForm({
  workspaceId,
  initial,
  edit,
  contacts,
  efforts,
  today,
  currency,
}: {
  workspaceId: string;
  initial: OpportunityFormValues;
  edit?: { id: string; version: number };
  contacts: Choice[];
  efforts: Choice[];
  today: string;
  currency: string;
}) {
  const router = useRouter();
  const [contactFilter, setContactFilter] = useState('');
  const { form, onSubmit, formError, errors, submitting } = useActionForm({
    schema: opportunitySchema,
    defaultValues: initial as unknown as OpportunityFormInput,
    action: (values) =>
      edit
        ? updateOpportunityAction(workspaceId, { ...values, id: edit.id, version: edit.version })
        : createOpportunityAction(workspaceId, values),
    onSuccess: (data) => {
      router.push(`/w/${workspaceId}/opportunities/${data.id}`);
      router.refresh();
    },
  });
  const stage = form.watch('stage') as StageKey;
  const contactId = form.watch('contactId') as string;
  const needle = contactFilter.trim().toLowerCase();
  const shownContacts = contacts.filter((c) => !needle || c.id === contactId || c.label.toLowerCase().includes(needle));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={edit ? 'Edit opportunity' : 'New opportunity'}>
      <FormError message={formError} />
      <Field id="title" label="Title" hint='What came back, e.g. "Brochure for a biotech start-up".' error={errors.title?.message}>
        {(a) => <input {...a} {...form.register('title')} className="input" autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="kind" label="Kind" error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...form.register('kind')} className="input">
              {OPPORTUNITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="stage" label="Stage" error={errors.stage?.message}>
          {(a) => (
            <select
              {...a}
              {...form.register('stage', {
                onChange: (e) => {
                  const next = e.target.value as StageKey;
                  // A closing stage needs a date; today is the usual answer. Reopening clears it.
                  if (isClosedStage(next) && !form.getValues('closedOn')) form.setValue('closedOn', today);
                  if (!isClosedStage(next)) form.setValue('closedOn', '');
                  if (next !== 'won') form.setValue('wonValue', '');
                },
              })}
              className="input"
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-semibold text-stone-800">Who brought it</legend>
        {contacts.length === 0 ? (
          <p className="text-sm text-stone-600">
            No contacts yet. Log the people you meet with the{' '}
            <Link href={`/w/${workspaceId}/log`} className="link">
              quick log
            </Link>
            , then credit them here.
          </p>
        ) : (
          <>
            {contacts.length > 8 ? (
              <Field id="contactFilter" label="Find a contact" hint="Type part of a name or company to shorten the list below.">
                {(a) => (
                  <input
                    {...a}
                    type="search"
                    value={contactFilter}
                    onChange={(e) => setContactFilter(e.target.value)}
                    className="input"
                    autoComplete="off"
                  />
                )}
              </Field>
            ) : null}
            <Field
              id="contactId"
              label="Contact"
              hint={contacts.length >= 200 ? 'Showing your 200 most recent contacts.' : 'Credits the channel where you met them.'}
              error={errors.contactId?.message}
            >
              {(a) => (
                <select {...a} {...form.register('contactId')} className="input">
                  <option value="">No contact</option>
                  {shownContacts.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <Field
          id="effortId"
          label="Effort it came from (optional)"
          hint="Only when it came straight from an effort, e.g. a paid stretch project."
          error={errors.effortId?.message}
        >
          {(a) => (
            <select {...a} {...form.register('effortId')} className="input">
              <option value="">No effort</option>
              {efforts.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="expectedValue" label={`Expected value (${currency})`} error={errors.expectedValue?.message}>
          {(a) => <input {...a} {...form.register('expectedValue')} inputMode="decimal" className="input" autoComplete="off" />}
        </Field>
        {stage === 'won' ? (
          <Field id="wonValue" label={`Won value (${currency})`} error={errors.wonValue?.message}>
            {(a) => <input {...a} {...form.register('wonValue')} inputMode="decimal" className="input" autoComplete="off" />}
          </Field>
        ) : null}
        <Field id="openedOn" label="Opened on" error={errors.openedOn?.message}>
          {(a) => <input {...a} {...form.register('openedOn')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
        </Field>
        {isClosedStage(stage) ? (
          <Field id="closedOn" label="Closed on" error={errors.closedOn?.message}>
            {(a) => <input {...a} {...form.register('closedOn')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
          </Field>
        ) : null}
      </div>

      <Field id="notes" label="Notes" error={errors.notes?.message}>
        {(a) => <textarea {...a} {...form.register('notes')} rows={4} className="input" />}
      </Field>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={submitting}>
          {submitting ? 'Saving…' : edit ? 'Save changes' : 'Create opportunity'}
        </button>
        <Link href={edit ? `/w/${workspaceId}/opportunities/${edit.id}` : `/w/${workspaceId}/opportunities`} className="btn-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}
