'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Field, FormError, HiddenFields, Options, SelectField } from '@/app/_components/field';
import { SaveButton, SaveOrCancel } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import {
  DIRECTION_LABELS,
  DIRECTIONS,
  INTERACTION_KINDS,
  KIND_LABELS,
  type Direction,
  type InteractionKind,
} from '@/lib/schemas/interaction-options';
import { createInteractionAction, createInteractionFormAction, updateInteractionAction, updateInteractionFormAction } from '../actions';

interface Values {
  date: string;
  kind: InteractionKind;
  direction: Direction;
  notes: string;
}

function Fields({
  prefix,
  register,
  errors,
}: {
  prefix: string;
  register: (name: keyof Values) => object;
  errors: Partial<Record<keyof Values, { message?: unknown }>>;
}) {
  const err = (name: keyof Values) => errors[name]?.message as string | undefined;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${prefix}-date`} label="Date" error={err('date')}>
          {(a) => <input {...a} {...register('date')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
        </Field>
        <SelectField id={`${prefix}-kind`} label="Kind" error={err('kind')} {...register('kind')}>
          <Options items={INTERACTION_KINDS} label={(k) => KIND_LABELS[k]} />
        </SelectField>
        <SelectField id={`${prefix}-direction`} label="Who reached out" error={err('direction')} {...register('direction')}>
          <Options items={DIRECTIONS} label={(d) => DIRECTION_LABELS[d]} />
        </SelectField>
      </div>
      <Field id={`${prefix}-notes`} label="Notes" error={err('notes')}>
        {(a) => <textarea {...a} {...register('notes')} rows={2} className="input" />}
      </Field>
    </>
  );
}

/** Logs a new interaction with the contact; stays on the page, ready for the next one. */
export function NewInteractionForm({ workspaceId, contactId, today }: { workspaceId: string; contactId: string; today: string }) {
  const initial = { contactId, date: today, kind: 'email' as const, direction: 'outbound' as const, notes: '' };
  const { form, formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/interaction').then((m) => m.interactionSchema),
    formAction: createInteractionFormAction,
    defaultValues: initial,
    action: (values) => createInteractionAction(workspaceId, values),
    onSuccess: () => {
      form.reset(initial);
    },
  });
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Log an interaction">
      <FormError message={formError} />
      <HiddenFields values={{ workspaceId, contactId }} />
      <Fields prefix="new-interaction" register={field} errors={errors} />
      <SaveButton submitting={submitting} saved={saved} savedLabel="Logged.">
        Log interaction
      </SaveButton>
    </form>
  );
}

/** Edits one interaction in place, then returns to the contact. */
export function EditInteractionForm({
  workspaceId,
  id,
  initial,
  doneHref,
}: {
  workspaceId: string;
  id: string;
  initial: Values;
  doneHref: string;
}) {
  const router = useRouter();
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/interaction').then((m) => m.updateInteractionSchema),
    formAction: updateInteractionFormAction,
    defaultValues: { id, ...initial },
    action: (values) => updateInteractionAction(workspaceId, values),
    onSuccess: () => {
      router.push(doneHref);
    },
  });
  // Opened from the interaction's Edit link: its first field takes the focus.
  useEffect(() => form.setFocus('date'), [form]);
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Edit interaction">
      <FormError message={formError} />
      <HiddenFields values={{ workspaceId, id }} />
      <Fields prefix={`edit-${id}`} register={field} errors={errors} />
      <SaveOrCancel submitting={submitting} cancelHref={doneHref}>
        Save interaction
      </SaveOrCancel>
    </form>
  );
}
