'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Field, FormError, HiddenFields, Options } from '@/app/_components/field';
import { CardSection } from '@/app/_components/page-header';
import { SaveOrCancel } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { useHydrated } from '@/app/_components/use-hydrated';
import { CHANNELS, type ChannelKey } from '@/lib/payoff/channels';
import { CHANNEL_FIELDS, type ChannelFieldSpec } from '@/lib/schemas/effort-options';
import { createEffortAction, createEffortFormAction, updateEffortAction, updateEffortFormAction } from '../actions';
import type { EffortFormValues } from './form-values';

type ContactOption = { id: string; name: string; company: string };
type Form = UseFormReturn<EffortFormValues>;
type Errors = Record<string, { message?: string } | undefined>;
/** The hook's registration of a control with its saved value in the server's HTML. */
type Bind = {
  field: (name: string) => object;
  checkbox: (name: string, value?: string) => object;
};

// Before the script runs every channel's fields are in the page, and the chosen channel (a
// selected option) shows its own: written out whole so the stylesheet has each of them.
const SHOWN_WITH: Record<ChannelKey, string> = {
  events: 'hidden group-has-[#channel-events:checked]/effort:block',
  organizations: 'hidden group-has-[#channel-organizations:checked]/effort:block',
  volunteering: 'hidden group-has-[#channel-volunteering:checked]/effort:block',
  stretch: 'hidden group-has-[#channel-stretch:checked]/effort:block',
  interviews: 'hidden group-has-[#channel-interviews:checked]/effort:block',
  linkedin: 'hidden group-has-[#channel-linkedin:checked]/effort:block',
  other: 'hidden group-has-[#channel-other:checked]/effort:block',
};
const SHOWN_ONCE_CHOSEN = 'group-has-[#channel-none:checked]/effort:hidden';

const CHANNEL_SECTION: Record<ChannelKey, string> = {
  events: 'The event',
  organizations: 'The organization',
  volunteering: 'The favor',
  stretch: 'The project',
  interviews: 'The interview',
  linkedin: 'LinkedIn activity',
  other: 'The effort',
};

export function EffortForm({
  workspaceId,
  initial,
  contactOptions,
  currency,
  targetNiche,
  edit,
}: {
  workspaceId: string;
  initial: EffortFormValues;
  contactOptions: ContactOption[];
  currency: string;
  targetNiche: string;
  /** Present when editing: the effort's id, loaded version and time-entry summary. */
  edit?: { id: string; version: number; entryCount: number; hours: string };
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const base = `/w/${workspaceId}/efforts`;
  const { form, formProps, field, checkbox, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/effort').then((m) => m.effortSchema),
    formAction: edit ? updateEffortFormAction : createEffortFormAction,
    defaultValues: initial as never,
    action: (values) =>
      edit
        ? updateEffortAction(workspaceId, { ...(values as object), id: edit.id, version: edit.version } as never)
        : createEffortAction(workspaceId, values),
    onSuccess: (data) => {
      router.push(`${base}/${(data as { id: string }).id}`);
    },
  });
  const f = form as unknown as Form;
  const err = errors as unknown as Errors;
  const bind = { field, checkbox } as unknown as Bind;
  const channel = f.watch('channel') as ChannelKey | '';
  // With the script, only the chosen channel's fields are rendered; before it, all of them are.
  const shows = (key: ChannelKey) => !hydrated || channel === key;
  const hoursLocked = Boolean(edit && edit.entryCount > 1);

  return (
    <form {...formProps} noValidate className="group/effort space-y-6" aria-label={edit ? 'Edit effort' : 'Log an effort'}>
      <FormError message={formError} />
      <HiddenFields values={{ workspaceId, ...(edit ? { id: edit.id, version: edit.version } : {}) }} />
      <section className="card space-y-4">
        <Field
          id="channel"
          label="Channel"
          hint={channel ? undefined : 'Choose where you put the effort in; the fields for that channel appear next.'}
          error={err.channel?.message}
        >
          {(a) => (
            <select {...a} {...bind.field('channel')} className="input">
              <option id="channel-none" value="" disabled>
                Choose a channel…
              </option>
              {CHANNELS.map((c) => (
                <option key={c.key} id={`channel-${c.key}`} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      {channel || !hydrated ? (
        <div className={`space-y-6 ${SHOWN_ONCE_CHOSEN}`}>
          <CardSection id="common" title="What you did" className="space-y-4">
            {shows('other') ? (
              <div className={SHOWN_WITH.other}>
                <ChannelField spec={CHANNEL_FIELDS.other[0]} bind={bind} err={err} currency={currency} />
              </div>
            ) : null}
            <Field id="title" label="Title" error={err.title?.message}>
              {(a) => <input {...a} {...bind.field('title')} className="input" autoComplete="off" />}
            </Field>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="date" label="Date" error={err.date?.message}>
                {(a) => <input {...a} {...bind.field('date')} type="date" className="input" />}
              </Field>
              {hoursLocked ? (
                <div className="space-y-1">
                  <label htmlFor="hours" className="block text-sm font-medium text-stone-800">
                    Hours
                  </label>
                  <input id="hours" readOnly value={edit!.hours} aria-describedby="hours-hint" className="input bg-stone-100" />
                  <p id="hours-hint" className="text-sm text-stone-600">
                    Read-only: the sum of {edit!.entryCount} time entries. Change them under Time entries on the{' '}
                    <Link className="link" href={`${base}/${edit!.id}`}>
                      effort’s page
                    </Link>
                    .
                  </p>
                </div>
              ) : (
                <Field
                  id="hours"
                  label="Hours"
                  hint={edit ? undefined : 'Up to 24. Log more days later as time entries.'}
                  error={err.hours?.message}
                >
                  {(a) => <input {...a} {...bind.field('hours')} inputMode="decimal" className="input" />}
                </Field>
              )}
              <Field id="moneySpent" label={`Money spent (${currency})`} error={err.moneySpent?.message}>
                {(a) => <input {...a} {...bind.field('moneySpent')} inputMode="decimal" className="input" />}
              </Field>
            </div>
          </CardSection>

          {CHANNELS.filter((c) => c.key !== 'other' && shows(c.key)).map(({ key }) => (
            <section key={key} className={`card space-y-4 ${SHOWN_WITH[key]}`} aria-labelledby={`channel-title-${key}`}>
              <h2 id={`channel-title-${key}`} className="text-lg font-semibold">
                {CHANNEL_SECTION[key]}
              </h2>
              <div className="grid gap-4 sm:grid-cols-2">
                {CHANNEL_FIELDS[key].map((spec) => (
                  <ChannelField
                    key={spec.name}
                    spec={spec}
                    bind={bind}
                    err={err}
                    currency={currency}
                    hint={
                      spec.name === 'similarity' ? (
                        targetNiche ? (
                          <>
                            Your target niche: <strong>{targetNiche}</strong>
                          </>
                        ) : (
                          <>
                            You have not set a target niche yet; set it in{' '}
                            <Link className="link" href={`/w/${workspaceId}/settings`}>
                              settings
                            </Link>
                            .
                          </>
                        )
                      ) : undefined
                    }
                  />
                ))}
              </div>
            </section>
          ))}

          <ContactPicker options={contactOptions} f={f} bind={bind} error={err.contactIds?.message} workspaceId={workspaceId} />

          <section className="card">
            <Field id="notes" label="Notes" error={err.notes?.message}>
              {(a) => <textarea {...a} {...bind.field('notes')} rows={4} className="input" />}
            </Field>
          </section>

          <SaveOrCancel submitting={submitting} cancelHref={edit ? `${base}/${edit.id}` : base}>
            {edit ? 'Save changes' : 'Log effort'}
          </SaveOrCancel>
        </div>
      ) : null}
    </form>
  );
}

function ChannelField({
  spec,
  bind,
  err,
  currency,
  hint,
}: {
  spec: ChannelFieldSpec;
  bind: Bind;
  err: Errors;
  currency: string;
  hint?: React.ReactNode;
}) {
  const error = err[spec.name]?.message;
  const wide = spec.kind === 'longText' ? 'space-y-1 sm:col-span-2' : undefined;
  if (spec.kind === 'bool') {
    return (
      <div className="flex items-start gap-3 sm:col-span-2">
        <input
          id={spec.name}
          type="checkbox"
          {...bind.checkbox(spec.name)}
          className="mt-1 h-5 w-5 rounded border-stone-400 accent-brand-700"
          aria-describedby={error ? `${spec.name}-error` : undefined}
        />
        <div>
          <label htmlFor={spec.name} className="font-medium text-stone-800">
            {spec.label}
          </label>
          {error ? (
            <p id={`${spec.name}-error`} className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      </div>
    );
  }
  const label = spec.kind === 'money' ? `${spec.label} (${currency})` : spec.label;
  return (
    <Field id={spec.name} label={label} hint={hint ?? spec.hint} error={error} className={wide}>
      {(a) => {
        const props = { ...a, ...bind.field(spec.name), className: 'input' };
        switch (spec.kind) {
          case 'longText':
            return <textarea {...props} rows={3} />;
          case 'int':
            return <input {...props} inputMode="numeric" />;
          case 'money':
            return <input {...props} inputMode="decimal" />;
          case 'date':
            return <input {...props} type="date" />;
          case 'enum':
            return (
              <select {...props}>
                <option value="">Choose…</option>
                <Options items={spec.options ?? []} value={(o) => o.value} label={(o) => o.label} />
              </select>
            );
          default:
            return <input {...props} autoComplete="off" />;
        }
      }}
    </Field>
  );
}

function ContactPicker({
  options,
  f,
  bind,
  error,
  workspaceId,
}: {
  options: ContactOption[];
  f: Form;
  bind: Bind;
  error?: string;
  workspaceId: string;
}) {
  const [filter, setFilter] = useState('');
  const chosen = (f.watch('contactIds') as string[] | undefined) ?? [];
  const needle = filter.trim().toLowerCase();
  const matches = (c: ContactOption) => !needle || `${c.name} ${c.company}`.toLowerCase().includes(needle);
  return (
    <CardSection id="contacts" title="Contacts involved" className="space-y-3">
      {options.length === 0 ? (
        <p className="text-stone-700">
          No contacts yet. Add the people you meet on the{' '}
          <Link className="link" href={`/w/${workspaceId}/contacts`}>
            Contacts
          </Link>{' '}
          page, then link them here.
        </p>
      ) : (
        <>
          <div className="space-y-1">
            <label htmlFor="contact-filter" className="block text-sm font-medium text-stone-800">
              Filter contacts
            </label>
            <input
              id="contact-filter"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              className="input"
              autoComplete="off"
              aria-describedby="contact-count"
            />
            <p id="contact-count" className="text-sm text-stone-600" aria-live="polite">
              {Array.isArray(chosen) ? chosen.length : 0} chosen · your {options.length} most recent contacts
            </p>
          </div>
          <fieldset aria-describedby={error ? 'contactIds-error' : undefined}>
            <legend className="sr-only">Contacts</legend>
            <ul className="max-h-64 space-y-1 overflow-y-auto rounded-lg border border-stone-200 p-2">
              {options.map((c) => (
                // Filtered-out contacts stay in the form (hidden) so their ticks are kept.
                <li key={c.id} hidden={!matches(c)}>
                  <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 hover:bg-stone-50">
                    <input type="checkbox" {...bind.checkbox('contactIds', c.id)} className="h-5 w-5 accent-brand-700" />
                    <span className="min-w-0">
                      <span className="font-medium">{c.name}</span>
                      {c.company ? <span className="text-stone-600"> · {c.company}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {error ? (
            <p id="contactIds-error" className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </>
      )}
    </CardSection>
  );
}
