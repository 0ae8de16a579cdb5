'use server';

import { formAction, userAction } from '@/lib/action';
import { isCoachSomewhere, saveNotificationPrefs } from '@/lib/data/notification-prefs';
import { notificationPrefsSchema } from '@/lib/schemas/reminder-prefs';

export const saveNotificationPrefsAction = userAction({ schema: notificationPrefsSchema }, async ({ user }, input) => {
  // The coach digest can only be on for someone who coaches a workspace.
  const coach = input.coachWeeklyEnabled && (await isCoachSomewhere(user.id));
  const saved = await saveNotificationPrefs(user.id, { ...input, coachWeeklyEnabled: coach });
  return { dailyEnabled: saved.dailyEnabled, weeklyEnabled: saved.weeklyEnabled };
});

/** The same, posted by the form before its script has loaded. */
export const saveNotificationPrefsFormAction = formAction(saveNotificationPrefsAction);
