import Link from 'next/link';
import type { DueItem } from '@/lib/reminders/due';
import type { WorkspacePageCtx } from '@/lib/workspace';
import { DueAnnouncer, DueList } from './due-today-buttons';

const SHOWN = 8;

/**
 * The daily e-mail's list for this workspace: who and what to follow up on today, with done/snooze.
 * The page loads the items with its other reads (only for people who keep the records: snoozes are
 * personal, and only they act on them).
 */
export function DueToday({ ctx, items }: { ctx: WorkspacePageCtx; items: DueItem[] }) {
  const shown = items.slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="due-title">
      <h2 id="due-title" className="font-semibold" tabIndex={-1}>
        Due today
      </h2>
      <DueAnnouncer />
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">
          Nothing to follow up on. Give contacts a keep-in-touch cadence and they show up here before they forget you.
        </p>
      ) : (
        <DueList
          workspaceId={ctx.workspaceId}
          items={shown.map(({ key, path, title, reasons }) => ({ key, path, title, reasons }))}
        />
      )}
      {items.length > SHOWN ? <p className="mt-2 text-sm text-stone-600">{`…and ${items.length - SHOWN} more.`}</p> : null}
      <Link className="link mt-2 inline-block text-sm" href="/account/notifications">
        Get this by e-mail
      </Link>
    </section>
  );
}
