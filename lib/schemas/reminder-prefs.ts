import { z } from 'zod';
import { isValidTimeZone } from '@/lib/reminders/time';
import { checkbox } from './common';

/** The reminder preferences form, shared by the page and its action. */
export const notificationPrefsSchema = z.object({
  dailyEnabled: checkbox,
  dailyHour: z.coerce
    .number({ error: 'Choose an hour from the list' })
    .int('Choose an hour from the list')
    .min(0, 'Choose an hour from the list')
    .max(23, 'Choose an hour from the list'),
  timeZone: z
    .string({ error: 'Choose a time zone from the list' })
    .trim()
    .max(64, 'Choose a time zone from the list')
    .refine(isValidTimeZone, 'Choose a time zone from the list'),
  weeklyEnabled: checkbox,
  coachWeeklyEnabled: checkbox,
});

export type NotificationPrefsInput = z.input<typeof notificationPrefsSchema>;
export type NotificationPrefsValues = z.output<typeof notificationPrefsSchema>;
