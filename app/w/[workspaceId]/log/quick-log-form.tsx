'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Field, FormError } from '@/app/_components/field';
import { useActionForm } from '@/app/_components/use-action-form';
import { useHydrated } from '@/app/_components/use-hydrated';
import type { QuickLogFormInput } from '@/lib/schemas/quick-log';
import { MAX_QUICK_CONTACTS, QUICK_LOG_CHANNEL_LABELS, QUICK_LOG_CHANNELS } from '@/lib/schemas/quick-log-options';
import { keepAndSend, requestBackgroundSync } from '@/app/_components/outbox';
import { quickLogFormAction } from './actions';

/** Today in the phone's own calendar, which is the day the user means. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const emptyContact = { name: '', company: '', email: '' };

function blank(date = localToday()): QuickLogFormInput {
  return {
    channel: '',
    title: '',
    date,
    hours: '',
    moneySpent: '',
    drinks: '',
    pitches: '',
    advances: '',
    jobSeekerAsks: '',
    usefulContacts: '',
    helped: '',
    what: '',
    contacts: [{ ...emptyContact }],
  } as unknown as QuickLogFormInput;
}

const CHANNEL_HINTS = {
  events: 'A mixer, a meetup, a happy hour',
  volunteering: 'Help you gave someone, paid or not',
} as const;

const TITLE_HINTS = {
  events: "e.g. Freelancers' mixer at The Anchor",
  volunteering: "e.g. WordPress fix for the café's menu",
} as const;

// Before the script runs both channels' fields are in the page and the chosen radio shows its own;
// the classes are written out whole so the stylesheet has them.
const SHOWN_WITH = {
  events: 'hidden group-has-[#quick-channel-events:checked]/quick:block',
  volunteering: 'hidden group-has-[#quick-channel-volunteering:checked]/quick:block',
} as const;
const SHOWN_ONCE_CHOSEN =
  'hidden group-has-[#quick-channel-events:checked]/quick:block group-has-[#quick-channel-volunteering:checked]/quick:block';

const EVENT_COUNTS = [
  { name: 'drinks', label: 'Drinks', hint: 'Past two, an evening is flagged.' },
  { name: 'pitches', label: 'Pitches received', hint: 'Unrelated sales pitches.' },
  { name: 'advances', label: 'Advances received' },
  { name: 'jobSeekerAsks', label: 'Job seekers asking for work' },
  { name: 'usefulContacts', label: 'Useful contacts' },
] as const;

interface Saved {
  /** Null while the record waits on this phone. */
  id: string | null;
  title: string;
  contacts: number;
  signIn?: boolean;
}

type Sent = { id: string; contactIds: string[] } | { id: null; contactIds: string[]; signIn: boolean };

/**
 * The phone-first log: pick a channel, its essentials, and up to three new contacts, saved together.
 * With its script a record goes to the phone's outbox first; before it, the form posts to the server.
 */
export function QuickLogForm({ workspaceId, currency, today }: { workspaceId: string; currency: string; today: string }) {
  const [saved, setSaved] = useState<Saved | null>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const hydrated = useHydrated();
  const { form, formProps, field, radio, formError, errors, submitting } = useActionForm({
    schema: () => import('@/lib/schemas/quick-log').then((m) => m.quickLogSchema),
    formAction: quickLogFormAction,
    // The server's today until the phone's own is known (below).
    defaultValues: blank(today),
    // Kept on the phone first and sent from there, so a lost network keeps the evening instead of losing it.
    action: async ({ idempotencyKey, ...values }) => {
      const title = String(values.title ?? '').trim();
      const outcome = await keepAndSend({
        id: idempotencyKey ?? crypto.randomUUID(),
        workspaceId,
        kind: 'event',
        values,
        label: title || 'Event',
      });
      if (outcome.status === 'saved') return { ok: true as const, data: outcome.data as Sent };
      if (outcome.status === 'refused') return { ok: false as const, formError: outcome.formError, fieldErrors: outcome.fieldErrors };
      void requestBackgroundSync();
      const named = (values.contacts ?? []).filter((c) => String(c?.name ?? '').trim()).length;
      return { ok: true as const, data: { id: null, contactIds: Array.from({ length: named }, () => ''), signIn: outcome.status === 'signin' } as Sent };
    },
    onSuccess: (data: Sent) => {
      const values = form.getValues();
      setSaved({
        id: data.id,
        title: String(values.title ?? '').trim(),
        contacts: data.contactIds.length,
        signIn: 'signIn' in data ? data.signIn : undefined,
      });
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'contacts' });
  const channel = form.watch('channel') as string;
  // With the script, only the chosen channel's fields are rendered; before it, both are.
  const shows = (key: 'events' | 'volunteering') => !hydrated || channel === key;

  // The date starts at the phone's today, which may differ from the server's.
  useEffect(() => {
    if (!form.getFieldState('date').isDirty && form.getValues('date') === today) form.setValue('date', localToday());
  }, [form, today]);

  // "Log another" starts over at the channel, not at the top of the page.
  const startOver = useRef(false);
  useEffect(() => {
    if (saved) successRef.current?.focus();
    else if (startOver.current) {
      startOver.current = false;
      form.setFocus('channel');
    }
  }, [saved, form]);

  if (saved) {
    return (
      <section className="card" aria-labelledby="saved-title">
        <h2 id="saved-title" ref={successRef} tabIndex={-1} className="text-lg font-semibold text-brand-800">
          {saved.id ? `Logged “${saved.title}”` : `“${saved.title}” is saved on this phone, not sent yet`}
        </h2>
        {saved.id ? null : (
          <p className="mt-2 text-stone-700">
            {saved.signIn
              ? 'Your session has ended: sign in again and it will be sent.'
              : 'It will be sent once the network is back, even if you close this page.'}
          </p>
        )}
        <p className="mt-2 text-stone-700">
          {saved.contacts === 0
            ? 'No new contacts this time.'
            : saved.contacts === 1
              ? 'With 1 new contact, credited to this channel.'
              : `With ${saved.contacts} new contacts, credited to this channel.`}{' '}
          When someone you met calls back or brings work, log it as an opportunity.
        </p>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          {saved.id ? (
            <Link href={`/w/${workspaceId}/efforts/${saved.id}`} className="btn-secondary">
              View the effort
            </Link>
          ) : null}
          <button
            type="button"
            className="btn-primary"
            onClick={() => {
              form.reset(blank());
              startOver.current = true;
              setSaved(null);
            }}
          >
            Log another
          </button>
        </div>
      </section>
    );
  }

  const channelError = errors.channel?.message;
  const counts = errors as unknown as Record<string, { message?: string } | undefined>;
  const rowErrors = (i: number) => errors.contacts?.[i] as Record<string, { message?: string } | undefined> | undefined;

  return (
    <form {...formProps} noValidate aria-label="Quick log" className="group/quick space-y-6">
      <FormError message={formError} />
      <input type="hidden" name="workspaceId" value={workspaceId} />

      <fieldset aria-describedby={channelError ? 'channel-error' : undefined}>
        <legend className="text-base font-semibold text-stone-900">What are you logging?</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {QUICK_LOG_CHANNELS.map((key) => (
            <label
              key={key}
              className="flex min-h-16 cursor-pointer items-center gap-3 rounded-xl border-2 border-stone-200 bg-white p-4 shadow-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
            >
              <input type="radio" id={`quick-channel-${key}`} {...radio('channel', key)} className="h-5 w-5 shrink-0 accent-brand-700" />
              <span>
                <span className="block font-semibold">{QUICK_LOG_CHANNEL_LABELS[key]}</span>
                <span className="block text-sm text-stone-600">{CHANNEL_HINTS[key]}</span>
              </span>
            </label>
          ))}
        </div>
        {channelError ? (
          <p id="channel-error" className="mt-2 text-sm font-medium text-red-700">
            {channelError}
          </p>
        ) : null}
      </fieldset>

      {channel === 'events' || channel === 'volunteering' || !hydrated ? (
        <div className={`space-y-6 ${SHOWN_ONCE_CHOSEN}`}>
          <section className="card space-y-4" aria-label="The essentials">
            <Field id="title" label="Title" hint={channel === 'volunteering' ? TITLE_HINTS.volunteering : TITLE_HINTS.events} error={errors.title?.message}>
              {(a) => <input {...a} {...field('title')} className="input" autoComplete="off" />}
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field id="date" label="Date" error={errors.date?.message} className="col-span-2 space-y-1 sm:col-span-1">
                {(a) => <input {...a} {...field('date')} type="date" min="1970-01-01" max="2100-12-31" className="input" />}
              </Field>
              <Field id="hours" label="Hours" error={errors.hours?.message}>
                {(a) => <input {...a} {...field('hours')} inputMode="decimal" className="input" autoComplete="off" />}
              </Field>
              <Field id="moneySpent" label={`Money spent (${currency})`} error={errors.moneySpent?.message}>
                {(a) => <input {...a} {...field('moneySpent')} inputMode="decimal" className="input" autoComplete="off" />}
              </Field>
            </div>
          </section>

          {shows('events') ? (
            <fieldset className={`card ${SHOWN_WITH.events}`}>
              <legend className="sr-only">How the evening went</legend>
              <h2 className="font-semibold" aria-hidden="true">
                How the evening went
              </h2>
              <div className="mt-3 grid grid-cols-2 gap-3">
                {EVENT_COUNTS.map((c) => (
                  <Field
                    key={c.name}
                    id={c.name}
                    label={c.label}
                    hint={'hint' in c ? c.hint : undefined}
                    error={counts[c.name]?.message}
                  >
                    {(a) => <input {...a} {...field(c.name)} inputMode="numeric" className="input" autoComplete="off" />}
                  </Field>
                ))}
              </div>
            </fieldset>
          ) : null}
          {shows('volunteering') ? (
            <fieldset className={`card space-y-4 ${SHOWN_WITH.volunteering}`}>
              <legend className="sr-only">The favor</legend>
              <Field id="helped" label="Who you helped" error={errors.helped?.message}>
                {(a) => <input {...a} {...field('helped')} className="input" autoComplete="off" />}
              </Field>
              <Field id="what" label="What you did" error={errors.what?.message}>
                {(a) => <textarea {...a} {...field('what')} rows={3} className="input" />}
              </Field>
            </fieldset>
          ) : null}

          <fieldset className="space-y-3">
            <legend className="text-base font-semibold text-stone-900">People you met</legend>
            <p className="text-sm text-stone-600">
              Up to {MAX_QUICK_CONTACTS} new contacts. A name is enough; leave a row empty to skip it.
            </p>
            {errors.contacts?.message ? (
              <p className="text-sm font-medium text-red-700">{errors.contacts.message}</p>
            ) : null}
            {fields.map((row, i) => (
              <fieldset key={row.id} className="card space-y-3">
                <legend className="sr-only">Contact {i + 1}</legend>
                <div className="flex items-center justify-between gap-2">
                  <h3 className="font-semibold" aria-hidden="true">
                    Contact {i + 1}
                  </h3>
                  {fields.length > 1 ? (
                    <button type="button" className="btn-secondary px-3 text-sm" onClick={() => remove(i)} aria-label={`Remove contact ${i + 1}`}>
                      Remove
                    </button>
                  ) : null}
                </div>
                <Field id={`contacts-${i}-name`} label="Name" error={rowErrors(i)?.name?.message}>
                  {(a) => <input {...a} {...field(`contacts.${i}.name`)} className="input" autoComplete="off" />}
                </Field>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field id={`contacts-${i}-company`} label="Company" error={rowErrors(i)?.company?.message}>
                    {(a) => <input {...a} {...field(`contacts.${i}.company`)} className="input" autoComplete="off" />}
                  </Field>
                  <Field id={`contacts-${i}-email`} label="Email" error={rowErrors(i)?.email?.message}>
                    {(a) => (
                      <input {...a} {...field(`contacts.${i}.email`)} type="email" inputMode="email" className="input" autoComplete="off" />
                    )}
                  </Field>
                </div>
              </fieldset>
            ))}
            {hydrated && fields.length < MAX_QUICK_CONTACTS ? (
              <button type="button" className="btn-secondary w-full sm:w-auto" onClick={() => append({ ...emptyContact })}>
                Add another person
              </button>
            ) : null}
          </fieldset>

          <button type="submit" className="btn-primary min-h-12 w-full text-lg" disabled={submitting}>
            {submitting ? 'Saving…' : 'Save'}
          </button>
        </div>
      ) : null}
    </form>
  );
}
