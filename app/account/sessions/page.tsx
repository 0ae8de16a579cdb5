import type { Metadata } from 'next';
import { Badge, CardSection, PageHeader } from '@/app/_components/page-header';
import { describeUserAgent } from '@/lib/data/accounts/devices';
import { getCalendarFeedInfo } from '@/lib/data/calendar';
import { listUserSessions } from '@/lib/data/sessions';
import { getSessionClaims, requireUser } from '@/lib/session';
import { signOutEverywhereAction } from '../actions';
import { SignOutSessionButton } from './sign-out-session-button';

export const metadata: Metadata = { title: 'Signed-in devices' };

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

function lastSeen(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 10) return 'Active now';
  if (minutes < 60) return `Last seen ${minutes} minutes ago`;
  return `Last seen ${when.format(at)} UTC`;
}

export default async function SessionsPage() {
  const user = await requireUser();
  const claims = await getSessionClaims();
  const now = new Date();
  const sessions = await listUserSessions(user.id, now);
  const feed = await getCalendarFeedInfo(user.id);
  // This device first, then the most recently used.
  sessions.sort((a, b) => Number(b.id === claims?.sid) - Number(a.id === claims?.sid));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Signed-in devices"
        description="Where your account is signed in. Sign out anything you do not recognise, then change your password."
      />
      <ul className="space-y-3" aria-label="Sessions">
        {sessions.map((s) => {
          const current = s.id === claims?.sid;
          const device = describeUserAgent(s.userAgent);
          return (
            <li key={s.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  {device}
                  {current ? <Badge tone="good">This device</Badge> : null}
                </p>
                <p className="text-sm text-stone-600">
                  {lastSeen(s.lastSeenAt, now)} · signed in {when.format(s.createdAt)} UTC
                </p>
              </div>
              {current ? null : <SignOutSessionButton sessionId={s.id} device={`${device}, signed in ${when.format(s.createdAt)} UTC`} />}
            </li>
          );
        })}
      </ul>
      <CardSection id="everywhere" title="Sign out everywhere">
        <p className="mt-1 text-sm text-stone-600">Ends every session, this one included. You will need your password to sign in again.</p>
        <form action={signOutEverywhereAction} className="mt-4 space-y-4">
          {feed ? (
            <div>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="stopFeed" className="mt-1" aria-describedby="stop-feed-hint" />
                <span>Also turn off my calendar feed link</span>
              </label>
              <p id="stop-feed-hint" className="ml-6 text-sm text-stone-600">
                The link works without signing in, so signing out does not stop it. Calendar apps subscribed to it stop updating;
                make a new link on a workspace&apos;s Export page after you sign in again.
              </p>
            </div>
          ) : null}
          <button type="submit" className="btn-danger">
            Sign out everywhere
          </button>
        </form>
      </CardSection>
    </div>
  );
}
