'use client';

import { Field, FormError, Options, SelectField } from '@/app/_components/field';
import { SaveButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { CADENCE_MAX, CURRENCIES } from '@/lib/schemas/limits';
import type { WorkspaceSettingsInput } from '@/lib/schemas/workspace';
import { updateWorkspaceSettingsAction, updateWorkspaceSettingsFormAction } from './actions';

export function SettingsForm({ workspaceId, initial }: { workspaceId: string; initial: WorkspaceSettingsInput }) {
  const { formProps, field, formError, errors, submitting, saved } = useActionForm({
    schema: () => import('@/lib/schemas/workspace').then((m) => m.workspaceSettingsSchema),
    formAction: updateWorkspaceSettingsFormAction,
    defaultValues: initial,
    action: (values) => updateWorkspaceSettingsAction(workspaceId, values),
  });
  return (
    <form {...formProps} noValidate className="mt-4 space-y-4" aria-label="Workspace settings">
      <FormError message={formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <Field id="name" label="Workspace name" error={errors.name?.message}>
        {(a) => <input {...a} {...field('name')} className="input" />}
      </Field>
      <Field
        id="targetNiche"
        label="Target niche"
        hint='What you want to be hired for, e.g. "biotech marketing writing". Stretch projects are judged against it.'
        error={errors.targetNiche?.message}
      >
        {(a) => <input {...a} {...field('targetNiche')} className="input" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="hourlyValue"
          label="Hourly value of your time"
          hint="Optional. Prices the hours you invest."
          error={errors.hourlyValue?.message}
        >
          {(a) => <input {...a} {...field('hourlyValue')} inputMode="decimal" className="input" />}
        </Field>
        <SelectField id="currency" label="Currency" error={errors.currency?.message} {...field('currency')}>
          <Options items={CURRENCIES} label={(c) => c} />
        </SelectField>
      </div>
      <Field
        id="defaultCadenceDays"
        label="Keep in touch with new contacts every (days)"
        hint="Every contact you add starts with this cadence, so it shows as going cold when you lose touch. You can change it per contact; leave it empty for none."
        error={errors.defaultCadenceDays?.message}
      >
        {(a) => (
          <input {...a} {...field('defaultCadenceDays')} type="number" inputMode="numeric" min={1} max={CADENCE_MAX} className="input sm:max-w-40" />
        )}
      </Field>
      <SaveButton submitting={submitting} saved={saved}>
        Save settings
      </SaveButton>
    </form>
  );
}
