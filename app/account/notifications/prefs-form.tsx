'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { Field, FormError } from '@/app/_components/field';
import { PendingButton } from '@/app/_components/pending-button';
import { useActionForm } from '@/app/_components/use-action-form';
import { saveNotificationPrefsAction, saveNotificationPrefsFormAction } from './actions';

interface Values {
  dailyEnabled: boolean;
  dailyHour: string;
  timeZone: string;
  weeklyEnabled: boolean;
  coachWeeklyEnabled: boolean;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const loadSchema = () => import('@/lib/schemas/reminder-prefs').then((m) => m.notificationPrefsSchema);

function Toggle({ id, label, hint, register }: { id: string; label: string; hint: string; register: object }) {
  return (
    <div className="flex items-start gap-3">
      <input id={id} type="checkbox" className="mt-1 size-5 shrink-0 accent-brand-700" aria-describedby={`${id}-hint`} {...register} />
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      </div>
    </div>
  );
}

export function PrefsForm({
  initial,
  guessTimeZone,
  timeZones,
  coach,
}: {
  initial: Values;
  guessTimeZone: boolean;
  timeZones: string[];
  coach: boolean;
}) {
  // The browser's zone, known only after hydration (null on the server).
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const zones = guessTimeZone && browserZone && !timeZones.includes(browserZone) ? [browserZone, ...timeZones] : timeZones;
  const { form, formProps, field, checkbox, formError, errors, submitting, saved } = useActionForm({
    schema: loadSchema,
    formAction: saveNotificationPrefsFormAction,
    defaultValues: initial,
    action: (values) => saveNotificationPrefsAction(values),
  });

  // Until the person saves once, start from the browser's own time zone rather than UTC.
  useEffect(() => {
    if (guessTimeZone && browserZone) form.setValue('timeZone', browserZone);
  }, [guessTimeZone, browserZone, form]);

  return (
    <form {...formProps} noValidate className="mt-4 space-y-5" aria-label="E-mail reminders">
      <FormError message={formError} />
      <Toggle
        id="dailyEnabled"
        label="Daily follow-up e-mail"
        hint="Contacts past their keep-in-touch cadence, follow-up dates reached, interview thank-yous not sent, opportunities untouched for two weeks. Only sent when something is due."
        register={checkbox('dailyEnabled')}
      />
      <Toggle
        id="weeklyEnabled"
        label="Weekly digest, on Mondays"
        hint="Hours per channel against your usual week, your best and weakest channel, new opportunities and who went cold."
        register={checkbox('weeklyEnabled')}
      />
      {coach ? (
        <Toggle
          id="coachWeeklyEnabled"
          label="Weekly coach digest, on Mondays"
          hint="For each client you coach: hours logged, opportunities won and contacts going cold."
          register={checkbox('coachWeeklyEnabled')}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="dailyHour" label="Send at (your time)" error={errors.dailyHour?.message}>
          {(a) => (
            <select {...a} {...field('dailyHour')} className="input">
              {HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {`${String(h).padStart(2, '0')}:00`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="timeZone" label="Time zone" error={errors.timeZone?.message}>
          {(a) => (
            <select {...a} {...field('timeZone')} className="input">
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="text-sm text-stone-600">E-mail goes only to a confirmed address.</p>
      <div className="flex items-center gap-3">
        <PendingButton pending={submitting} pendingLabel="Saving…">
          Save reminders
        </PendingButton>
        <p role="status" className="text-sm text-brand-700">
          {saved && !submitting ? 'Saved.' : ''}
        </p>
      </div>
    </form>
  );
}
