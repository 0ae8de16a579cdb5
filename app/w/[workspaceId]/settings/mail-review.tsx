'use client';

import { useState } from 'react';
import { FormError } from '@/app/_components/field';
import { useButtonAction } from '@/app/_components/use-button-action';
import type { ReviewItem } from '@/lib/data/mail-inbox';
import { formatDate } from '@/lib/dates';
import { DIRECTION_LABELS } from '@/lib/schemas/interaction-options';
import { acceptMailReviewAction, dismissMailReviewAction } from './actions';

/** Forwarded mail with people who are not contacts yet: add each as a contact, or leave it out. */
export function MailReview({ workspaceId, items }: { workspaceId: string; items: ReviewItem[] }) {
  const [said, setSaid] = useState<string>();
  const { pending, message: error, run: start } = useButtonAction();

  const run = (item: ReviewItem, kind: 'accept' | 'dismiss') =>
    start(async () => {
      const result = await (kind === 'accept' ? acceptMailReviewAction : dismissMailReviewAction)(workspaceId, { id: item.id });
      if (!result.ok) return result.formError ?? 'That did not work. Reload the page and try again.';
      setSaid(kind === 'accept' ? `${item.name || item.email} is now a contact, with this e-mail in their timeline.` : 'Left out.');
    });

  return (
    <div className="mt-4 space-y-3">
      <p role="status" className="text-sm text-brand-800">
        {said}
      </p>
      <FormError message={error} />
      {items.length === 0 ? (
        <p className="text-sm text-stone-700">Nothing waiting: every forwarded message so far was with one of your contacts.</p>
      ) : (
        <ul className="divide-y divide-stone-200" aria-label="Messages waiting for review">
          {items.map((item) => {
            const who = item.name ? `${item.name} <${item.email}>` : item.email;
            return (
              <li key={item.id} className="space-y-1 py-3">
                <p className="[overflow-wrap:anywhere]">
                  <span className="font-medium">{who}</span>
                  <span className="text-stone-600">
                    {' '}
                    · {formatDate(item.date)} · {DIRECTION_LABELS[item.direction]}
                  </span>
                </p>
                {item.subject ? <p className="text-sm font-medium [overflow-wrap:anywhere]">{item.subject}</p> : null}
                {item.excerpt ? <p className="text-sm whitespace-pre-line text-stone-700 [overflow-wrap:anywhere]">{item.excerpt}</p> : null}
                <div className="flex flex-wrap gap-2 pt-1">
                  <button type="button" className="btn-secondary" disabled={pending} onClick={() => run(item, 'accept')} aria-label={`Add ${item.name || item.email} as a contact`}>
                    Add as contact
                  </button>
                  <button type="button" className="btn-secondary" disabled={pending} onClick={() => run(item, 'dismiss')} aria-label={`Leave out the message with ${item.name || item.email}`}>
                    Leave out
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
