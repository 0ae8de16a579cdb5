import type { Metadata } from 'next';
import Link from 'next/link';
import { describeReminderLink, type LinkInfo, type LinkState } from '@/lib/data/reminders/links';
import { formatDate } from '@/lib/dates';

export const metadata: Metadata = { title: 'Reminder', robots: { index: false } };

const PREFS = '/account/notifications';

type Ready = LinkInfo;

function question(s: Ready): { heading: string; body: string; button: string } {
  switch (s.purpose) {
    case 'done':
      return { heading: `Mark “${s.title}” as done?`, body: 'It leaves your reminders until its dates change again.', button: 'Mark done' };
    case 'snooze7':
      return { heading: `Snooze “${s.title}” for 7 days?`, body: 'It comes back in your reminders in a week.', button: 'Snooze 7 days' };
    case 'snooze30':
      return { heading: `Snooze “${s.title}” for 30 days?`, body: 'It comes back in your reminders in a month.', button: 'Snooze 30 days' };
    case 'unsubscribe':
      return { heading: `Stop ${s.title}?`, body: 'You can turn it on again in your e-mail settings at any time.', button: 'Unsubscribe' };
  }
}

function outcome(s: Ready): { heading: string; body: string } {
  switch (s.purpose) {
    case 'done':
      return { heading: 'Marked done', body: `“${s.title}” is off your reminders.` };
    case 'snooze7':
    case 'snooze30':
      return { heading: 'Snoozed', body: `“${s.title}” comes back on ${formatDate(s.until ?? null)}.` };
    case 'unsubscribe':
      return { heading: 'You are unsubscribed', body: `You will no longer get ${s.title}.` };
  }
}

const FAILURES = {
  invalid: {
    heading: 'This link does not work',
    body: 'It may have been cut short when it was copied. Open Groundwork to see what is due on your dashboard.',
  },
  expired: {
    heading: 'This link has expired',
    body: 'Links in reminder e-mails work for a limited time. Open Groundwork to see what is due, or change your e-mail settings there.',
  },
  gone: {
    heading: 'This link no longer works',
    body: 'The item was deleted, or this account no longer has access to its workspace.',
  },
} as const;

function content(state: LinkState, token: string) {
  if (state.status === 'invalid' || state.status === 'expired' || state.status === 'gone') {
    return (
      <>
        <h1 className="text-xl font-bold">{FAILURES[state.status].heading}</h1>
        <p className="mt-2 text-stone-700">{FAILURES[state.status].body}</p>
        <p className="mt-4">
          <Link className="btn-secondary" href="/signin">
            Open Groundwork
          </Link>
        </p>
      </>
    );
  }
  if (state.status === 'applied') {
    const done = outcome(state);
    return (
      <>
        <h1 className="text-xl font-bold [overflow-wrap:anywhere]">{done.heading}</h1>
        <p role="status" className="mt-2 text-stone-700 [overflow-wrap:anywhere]">
          {done.body}
        </p>
        <p className="mt-4 flex flex-wrap gap-2">
          {state.path ? (
            <Link className="btn-secondary" href={state.path}>
              Open it in Groundwork
            </Link>
          ) : null}
          <Link className="btn-secondary" href={PREFS}>
            E-mail settings
          </Link>
        </p>
      </>
    );
  }
  const ask = question(state);
  return (
    <>
      <h1 className="text-xl font-bold [overflow-wrap:anywhere]">{ask.heading}</h1>
      {state.workspaceName ? <p className="mt-1 text-sm text-stone-600 [overflow-wrap:anywhere]">In {state.workspaceName}</p> : null}
      <p className="mt-2 text-stone-700">{ask.body}</p>
      <form method="post" action={`/r/${encodeURIComponent(token)}`} className="mt-4 flex flex-wrap gap-2">
        <button type="submit" className="btn-primary">
          {ask.button}
        </button>
        {state.path ? (
          <Link className="btn-secondary" href={state.path}>
            Open it instead
          </Link>
        ) : null}
      </form>
    </>
  );
}

/** What a reminder link will do, with the one button that does it (opening the page changes nothing). */
export default async function ReminderLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await describeReminderLink(token);
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <Link href="/" className="mb-6 text-2xl font-bold tracking-tight text-brand-800">
        Groundwork
      </Link>
      <main className="card w-full max-w-md">{content(state, token)}</main>
    </div>
  );
}
