'use client';

import Link from 'next/link';
import { useEffect, useState, useTransition } from 'react';
import { markDueItemAction } from './due-today-actions';

const ACTIONS = [
  { action: 'done', label: 'Done', said: 'Marked done' },
  { action: 'snooze7', label: 'Snooze 7 days', said: 'Snoozed for 7 days' },
  { action: 'snooze30', label: 'Snooze 30 days', said: 'Snoozed for 30 days' },
] as const;

const MARKED = 'groundwork:due-item-marked';

/** Says what the last Done or Snooze did, for people who cannot see the item leave the list. */
export function DueAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    const onMarked = (event: Event) => setMessage((event as CustomEvent<string>).detail);
    window.addEventListener(MARKED, onMarked);
    return () => window.removeEventListener(MARKED, onMarked);
  }, []);
  return (
    <p role="status" className="sr-only">
      {message}
    </p>
  );
}

/** One thing to follow up on today, as the dashboard lists it. */
export interface DueListItem {
  key: string;
  path: string;
  title: string;
  reasons: string[];
}

/**
 * The "Due today" list with its done and snooze buttons. A client component, so the page's payload
 * carries the items once rather than a copy of their markup; the list's styling is the `due-list`
 * utility, set once.
 */
export function DueList({ workspaceId, items }: { workspaceId: string; items: DueListItem[] }) {
  return (
    <ul className="due-list">
      {items.map((item) => (
        <li key={item.key}>
          <Link href={item.path} className="link">
            {item.title}
          </Link>
          {item.reasons.map((r, i) => (
            <p key={i}>{r}</p>
          ))}
          <DueItemButtons workspaceId={workspaceId} itemKey={item.key} title={item.title} />
        </li>
      ))}
    </ul>
  );
}

/** Done / snooze for one item of the "Due today" list. */
function DueItemButtons({ workspaceId, itemKey, title }: { workspaceId: string; itemKey: string; title: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function mark({ action, said }: (typeof ACTIONS)[number]) {
    setError(undefined);
    startTransition(async () => {
      try {
        const result = await markDueItemAction(workspaceId, { itemKey, action });
        if (!result.ok) {
          setError(result.formError ?? 'That did not work. Reload the page and try again.');
          return;
        }
        // The item leaves the list with its buttons: the focus goes to the list's heading, not to the
        // top of the page, and the change is said.
        document.getElementById('due-title')?.focus();
        window.dispatchEvent(new CustomEvent(MARKED, { detail: `${said}: ${title}` }));
      } catch {
        setError('Something went wrong. Check your connection and try again.');
      }
    });
  }

  return (
    <div className="mt-2">
      <div className="flex flex-wrap gap-2">
        {ACTIONS.map((a) => (
          <button
            key={a.action}
            type="button"
            className="btn-small"
            disabled={pending}
            aria-label={`${a.label}: ${title}`}
            onClick={() => mark(a)}
          >
            {a.label}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
