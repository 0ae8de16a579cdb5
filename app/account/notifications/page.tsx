import type { Metadata } from 'next';
import { getNotificationPrefs, isCoachSomewhere } from '@/lib/data/notification-prefs';
import { requireUser } from '@/lib/session';
import { PrefsForm } from './prefs-form';
import { CardSection } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'E-mail reminders' };

/** Every IANA zone the server knows, UTC first, plus the saved one should the list lack it. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const list = ['UTC', ...zones.filter((z) => z !== 'UTC')];
  return list.includes(current) ? list : [current, ...list];
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const [prefs, coach] = await Promise.all([getNotificationPrefs(user.id), isCoachSomewhere(user.id)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">E-mail reminders</h1>
        <p className="mt-1 max-w-prose text-stone-600">
          Contacts only remember you if you follow up. Groundwork can tell you each morning who is due, and sum up your week.
          Every e-mail has a one-click unsubscribe link.
        </p>
      </div>
      <CardSection id="prefs" title="What to send, and when">
        <PrefsForm
          initial={{
            dailyEnabled: prefs.dailyEnabled,
            dailyHour: String(prefs.dailyHour),
            timeZone: prefs.timeZone,
            weeklyEnabled: prefs.weeklyEnabled,
            coachWeeklyEnabled: prefs.coachWeeklyEnabled,
          }}
          guessTimeZone={!prefs.saved}
          timeZones={timeZones(prefs.timeZone)}
          coach={coach}
        />
      </CardSection>
    </div>
  );
}
