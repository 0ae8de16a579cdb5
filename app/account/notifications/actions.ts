'use server';

import { isCoachSomewhere, saveNotificationPrefs } from '@/lib/data/notification-prefs';
import { notificationPrefsSchema } from '@/lib/reminders/prefs-schema';
import { userAction } from './user-action';

export const saveNotificationPrefsAction = userAction({ schema: notificationPrefsSchema }, async (user, input) => {
  // The coach digest can only be on for someone who coaches a workspace.
  const coach = input.coachWeeklyEnabled && (await isCoachSomewhere(user.id));
  const saved = await saveNotificationPrefs(user.id, { ...input, coachWeeklyEnabled: coach });
  return { dailyEnabled: saved.dailyEnabled, weeklyEnabled: saved.weeklyEnabled };
});
