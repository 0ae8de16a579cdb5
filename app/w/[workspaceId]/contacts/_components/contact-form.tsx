'use client';

import { useRouter } from 'next/navigation';
import { Field, FormError, HiddenFields, Options, SelectField } from '@/app/_components/field';
import { CardSection } from '@/app/_components/page-header';
import { SaveOrCancel } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import type { ActionResult } from '@/lib/action';
import { formatDate } from '@/lib/dates';
import { CHANNELS, channelName } from '@/lib/payoff/channels';
import type { ContactFormInput, updateContactSchema } from '@/lib/schemas/contact';
import { CADENCE_MAX, CHANNEL_UNKNOWN } from '@/lib/schemas/limits';
import { createContactAction, createContactFormAction, updateContactAction, updateContactFormAction } from '../actions';

export interface EffortOption {
  id: string;
  title: string;
  date: string;
  channel: (typeof CHANNELS)[number]['key'];
}

type Props = {
  workspaceId: string;
  initial: ContactFormInput;
  efforts: EffortOption[];
  cancelHref: string;
} & ({ mode: 'create' } | { mode: 'edit'; id: string; version: number });

export function ContactForm(props: Props) {
  const { workspaceId, initial, efforts, cancelHref } = props;
  const router = useRouter();
  const editing = props.mode === 'edit';
  // One form for both: the update schema is the create schema plus id and version.
  const schema = () =>
    import('@/lib/schemas/contact').then((m) => (editing ? m.updateContactSchema : m.contactSchema) as typeof updateContactSchema);
  const { form, formProps, field, formError, errors, submitting } = useActionForm({
    schema,
    formAction: editing ? updateContactFormAction : createContactFormAction,
    defaultValues: editing ? { ...initial, id: props.id, version: props.version } : initial,
    action: (values): Promise<ActionResult<{ id: string }>> =>
      editing ? updateContactAction(workspaceId, values) : createContactAction(workspaceId, values),
    onSuccess: (data) => {
      router.push(`/w/${workspaceId}/contacts/${data.id}`);
    },
  });
  const effortId = form.watch('metThroughEffortId');
  const effort = efforts.find((e) => e.id === effortId);
  const err = (name: keyof ContactFormInput) => errors[name]?.message as string | undefined;

  return (
    <form {...formProps} noValidate className="space-y-6" aria-label={editing ? 'Edit contact' : 'Add contact'}>
      <FormError message={formError} />
      <HiddenFields values={{ workspaceId, ...(props.mode === 'edit' ? { id: props.id, version: props.version } : {}) }} />
      <CardSection id="who" title="Who" className="space-y-4">
        <Field id="name" label="Name" error={err('name')}>
          {(a) => <input {...a} {...field('name')} autoComplete="off" className="input" />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="company" label="Company" error={err('company')}>
            {(a) => <input {...a} {...field('company')} autoComplete="off" className="input" />}
          </Field>
          <Field id="role" label="Role" error={err('role')}>
            {(a) => <input {...a} {...field('role')} autoComplete="off" className="input" />}
          </Field>
          <Field id="email" label="Email" error={err('email')}>
            {(a) => <input {...a} {...field('email')} type="email" autoComplete="off" className="input" />}
          </Field>
          <Field id="phone" label="Phone" error={err('phone')}>
            {(a) => <input {...a} {...field('phone')} type="tel" autoComplete="off" className="input" />}
          </Field>
        </div>
        <Field
          id="linkedinUrl"
          label="LinkedIn URL"
          hint="Their profile address, e.g. https://www.linkedin.com/in/their-name"
          error={err('linkedinUrl')}
        >
          {(a) => <input {...a} {...field('linkedinUrl')} type="url" inputMode="url" className="input" />}
        </Field>
        <Field id="tags" label="Tags" hint="Separate with commas, e.g. biotech, former client. Up to 20." error={err('tags')}>
          {(a) => <input {...a} {...field('tags')} autoComplete="off" className="input" />}
        </Field>
      </CardSection>

      <CardSection id="met" title="Where you met" className="space-y-4">
        <SelectField
          id="metThroughEffortId"
          label="Effort where you met"
          hint="The contact is credited to that effort's channel."
          error={err('metThroughEffortId')}
          {...field('metThroughEffortId', {
            onChange: (e) => {
              // The day of that effort is when you met, unless you say otherwise; without a date the
              // contact would not count towards the channel on the dashboard.
              const chosen = efforts.find((x) => x.id === e.target.value);
              if (chosen && !form.getValues('metOn')) form.setValue('metOn', chosen.date);
            },
          })}
        >
          <option value="">None</option>
          <Options items={efforts} value={(e) => e.id} label={(e) => `${e.title} — ${formatDate(e.date)}`} />
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          {effort ? (
            <div className="space-y-1">
              <p className="text-sm font-medium text-stone-800">Channel</p>
              <p className="py-2 text-stone-700">{channelName(effort.channel)} (from the effort)</p>
            </div>
          ) : (
            <SelectField id="channel" label="Channel" error={err('channel')} {...field('channel')}>
              <option value={CHANNEL_UNKNOWN}>Unknown</option>
              <Options items={CHANNELS} value={(c) => c.key} label={(c) => c.name} />
            </SelectField>
          )}
          <Field id="metOn" label="Met on" error={err('metOn')}>
            {(a) => <input {...a} {...field('metOn')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
          </Field>
        </div>
      </CardSection>

      <CardSection id="touch" title="Keeping in touch" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="cadenceDays"
            label="Keep in touch every (days)"
            hint="Optional. Past it, the contact is going cold; logging any interaction restarts the count."
            error={err('cadenceDays')}
          >
            {(a) => (
              <input
                {...a}
                {...field('cadenceDays')}
                type="number"
                inputMode="numeric"
                min={1}
                max={CADENCE_MAX}
                step={1}
                className="input"
              />
            )}
          </Field>
          <Field id="nextFollowUpOn" label="Next follow-up" hint="Optional." error={err('nextFollowUpOn')}>
            {(a) => (
              <input {...a} {...field('nextFollowUpOn')} type="date" min="1970-01-01" max="2100-12-31" className="input" />
            )}
          </Field>
        </div>
        <Field id="notes" label="Notes" error={err('notes')}>
          {(a) => <textarea {...a} {...field('notes')} rows={4} className="input" />}
        </Field>
      </CardSection>

      <SaveOrCancel submitting={submitting} cancelHref={cancelHref}>
        {editing ? 'Save changes' : 'Add contact'}
      </SaveOrCancel>
    </form>
  );
}
