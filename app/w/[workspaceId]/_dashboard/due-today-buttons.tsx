'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { markDueItemAction } from './due-today-actions';

const ACTIONS = [
  { action: 'done', label: 'Done', className: 'btn-secondary' },
  { action: 'snooze7', label: 'Snooze 7 days', className: 'btn-secondary' },
  { action: 'snooze30', label: 'Snooze 30 days', className: 'btn-secondary' },
] as const;

/** Done / snooze for one item of the "Due today" list. */
export function DueItemButtons({ workspaceId, itemKey, title }: { workspaceId: string; itemKey: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function mark(action: (typeof ACTIONS)[number]['action']) {
    setError(undefined);
    startTransition(async () => {
      try {
        const result = await markDueItemAction(workspaceId, { itemKey, action });
        if (!result.ok) setError(result.formError ?? 'That did not work. Reload the page and try again.');
        else router.refresh();
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
            className={`${a.className} px-2.5 py-1 text-sm`}
            disabled={pending}
            aria-label={`${a.label}: ${title}`}
            onClick={() => mark(a.action)}
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
