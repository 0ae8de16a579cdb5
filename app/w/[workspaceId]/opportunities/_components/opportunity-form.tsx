'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Field, FormError, HiddenFields, Options, SelectField } from '@/app/_components/field';
import { SaveOrCancel } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import {
  isClosedStage,
  KIND_LABELS,
  OPPORTUNITY_KINDS,
  STAGE_LABELS,
  STAGES,
  type StageKey,
} from '@/lib/schemas/opportunity-options';
import type { OpportunityFormInput } from '@/lib/schemas/opportunity';
import { createOpportunityAction, createOpportunityFormAction, updateOpportunityAction, updateOpportunityFormAction } from '../actions';

interface Choice {
  id: string;
  label: string;
}

/** How many contacts the page lists before typing has to search the rest. */
const CONTACT_LIST_LIMIT = 200;

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
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    formAction: edit ? updateOpportunityFormAction : createOpportunityFormAction,
    schema: () => import('@/lib/schemas/opportunity').then((m) => m.opportunitySchema),
    defaultValues: initial as unknown as OpportunityFormInput,
    action: (values) =>
      edit
        ? updateOpportunityAction(workspaceId, { ...values, id: edit.id, version: edit.version })
        : createOpportunityAction(workspaceId, values),
    onSuccess: (data) => {
      router.push(`/w/${workspaceId}/opportunities/${data.id}`);
    },
  });
  const stage = form.watch('stage') as StageKey;
  const contactId = form.watch('contactId') as string;
  const needle = contactFilter.trim().toLowerCase();
  // The page lists the most recent contacts only; with more, typing searches all of them on the server.
  const listIsPartial = contacts.length >= CONTACT_LIST_LIMIT;
  const [found, setFound] = useState<{ q: string; choices: Choice[] | null }>({ q: '', choices: [] });
  useEffect(() => {
    if (!listIsPartial || needle.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setFound({ q: needle, choices: null });
      try {
        const response = await fetch(`/w/${workspaceId}/contacts/choices?q=${encodeURIComponent(needle)}`, { signal: controller.signal });
        const body = (await response.json()) as { ok: boolean; choices?: Choice[] };
        setFound({ q: needle, choices: body.ok && body.choices ? body.choices : [] });
      } catch {
        if (!controller.signal.aborted) setFound({ q: needle, choices: [] });
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [listIsPartial, needle, workspaceId]);
  const searched = listIsPartial && needle.length >= 2 && found.q === needle ? (found.choices ?? []) : [];
  const shownContacts = [
    ...contacts.filter((c) => !needle || c.id === contactId || c.label.toLowerCase().includes(needle)),
    ...searched.filter((c) => !contacts.some((known) => known.id === c.id)),
  ];

  return (
    <form {...formProps} noValidate className="space-y-5" aria-label={edit ? 'Edit opportunity' : 'New opportunity'}>
      <HiddenFields values={{ workspaceId, ...(edit ? { id: edit.id, version: edit.version } : {}) }} />
      <FormError message={formError} />
      <Field id="title" label="Title" hint='What came back, e.g. "Brochure for a biotech start-up".' error={errors.title?.message}>
        {(a) => <input {...a} {...field('title')} className="input" autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="kind" label="Kind" error={errors.kind?.message} {...field('kind')}>
          <Options items={OPPORTUNITY_KINDS} label={(k) => KIND_LABELS[k]} />
        </SelectField>
        <SelectField
          id="stage"
          label="Stage"
          error={errors.stage?.message}
          {...field('stage', {
            onChange: (e) => {
              const next = e.target.value as StageKey;
              // A closing stage needs a date; today is the usual answer. Reopening clears it.
              if (isClosedStage(next) && !form.getValues('closedOn')) form.setValue('closedOn', today);
              if (!isClosedStage(next)) form.setValue('closedOn', '');
              if (next !== 'won') form.setValue('wonValue', '');
            },
          })}
        >
          <Options items={STAGES} label={(s) => STAGE_LABELS[s]} />
        </SelectField>
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
            <SelectField
              id="contactId"
              label="Contact"
              hint={
                !listIsPartial
                  ? 'Credits the channel where you met them.'
                  : needle.length >= 2
                    ? found.q === needle && found.choices
                      ? `Searched all your contacts: ${shownContacts.length} match.`
                      : 'Searching all your contacts…'
                    : `Showing your ${CONTACT_LIST_LIMIT} most recent contacts; type a name to search them all.`
              }
              error={errors.contactId?.message}
              {...field('contactId')}
            >
              <option value="">No contact</option>
              <Options items={shownContacts} value={(c) => c.id} label={(c) => c.label} />
            </SelectField>
          </>
        )}
        <SelectField
          id="effortId"
          label="Effort it came from (optional)"
          hint="Only when it came straight from an effort, e.g. a paid stretch project."
          error={errors.effortId?.message}
          {...field('effortId')}
        >
          <option value="">No effort</option>
          <Options items={efforts} value={(e) => e.id} label={(e) => e.label} />
        </SelectField>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="expectedValue" label={`Expected value (${currency})`} error={errors.expectedValue?.message}>
          {(a) => <input {...a} {...field('expectedValue')} inputMode="decimal" className="input" autoComplete="off" />}
        </Field>
        {stage === 'won' ? (
          <Field id="wonValue" label={`Won value (${currency})`} error={errors.wonValue?.message}>
            {(a) => <input {...a} {...field('wonValue')} inputMode="decimal" className="input" autoComplete="off" />}
          </Field>
        ) : null}
        <Field id="openedOn" label="Opened on" error={errors.openedOn?.message}>
          {(a) => <input {...a} {...field('openedOn')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
        </Field>
        {isClosedStage(stage) ? (
          <Field id="closedOn" label="Closed on" error={errors.closedOn?.message}>
            {(a) => <input {...a} {...field('closedOn')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
          </Field>
        ) : null}
      </div>

      <Field id="notes" label="Notes" error={errors.notes?.message}>
        {(a) => <textarea {...a} {...field('notes')} rows={4} className="input" />}
      </Field>

      <SaveOrCancel submitting={submitting} cancelHref={edit ? `/w/${workspaceId}/opportunities/${edit.id}` : `/w/${workspaceId}/opportunities`}>
        {edit ? 'Save changes' : 'Create opportunity'}
      </SaveOrCancel>
    </form>
  );
}
