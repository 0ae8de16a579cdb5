'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { CheckboxField, FormError, Options, SelectField } from '@/app/_components/field';
import { SaveButton } from '@/app/_components/pending-button';
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
      <CheckboxField
        id="dailyEnabled"
        label="Daily follow-up e-mail"
        hint="Contacts past their keep-in-touch cadence, follow-up dates reached, interview thank-yous not sent, opportunities untouched for two weeks. Only sent when something is due."
        {...checkbox('dailyEnabled')}
      />
      <CheckboxField
        id="weeklyEnabled"
        label="Weekly digest, on Mondays"
        hint="Hours per channel against your usual week, your best and weakest channel, new opportunities and who went cold."
        {...checkbox('weeklyEnabled')}
      />
      {coach ? (
        <CheckboxField
          id="coachWeeklyEnabled"
          label="Weekly coach digest, on Mondays"
          hint="For each client you coach: hours logged, opportunities won and contacts going cold."
          {...checkbox('coachWeeklyEnabled')}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="dailyHour" label="Send at (your time)" error={errors.dailyHour?.message} {...field('dailyHour')}>
          <Options items={HOURS} label={(h) => `${String(h).padStart(2, '0')}:00`} />
        </SelectField>
        <SelectField id="timeZone" label="Time zone" error={errors.timeZone?.message} {...field('timeZone')}>
          <Options items={zones} label={(z) => z.replaceAll('_', ' ')} />
        </SelectField>
      </div>
      <p className="text-sm text-stone-600">E-mail goes only to a confirmed address.</p>
      <SaveButton submitting={submitting} saved={saved}>
        Save reminders
      </SaveButton>
    </form>
  );
}
