import Link from 'next/link';
import { EmptyState, PageHeader } from '@/app/_components/page-header';
import { listActivity, parseActivityCursor } from '@/lib/data/audit';
import { formatDate } from '@/lib/dates';
import { workspacePage, type PageGate } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata = { title: 'Activity log' };

const VERBS: Record<string, string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  quick_log: 'Quick-logged',
  move: 'Moved the stage of',
  revoke: 'Revoked',
  regenerate: 'Renewed',
  remove: 'Removed',
};

/** Actions whose name does not read as "verb noun". */
const PHRASES: Record<string, string> = {
  'member.leave': 'Left the workspace',
  'member.role': "Changed a member's role",
  'member.transfer': 'Transferred ownership',
};

const ENTITY_NAMES: Record<string, string> = {
  effort: 'effort',
  contact: 'contact',
  opportunity: 'opportunity',
  interaction: 'interaction',
  time_entry: 'time entry',
  workspace: 'workspace settings',
  comment: 'comment',
  member: 'member',
  invitation: 'invitation',
  note: 'coach note',
  calendar: 'calendar link',
  linkedin_checklist: 'LinkedIn checklist',
};

/** Pages that show one record, for entries that point at a record still worth opening. */
const RECORD_PATHS: Record<string, string> = { effort: 'efforts', contact: 'contacts', opportunity: 'opportunities' };

/** "effort.create" → "Created effort"; unknown names are shown as they are. */
function describe(action: string): string {
  if (PHRASES[action]) return PHRASES[action];
  const [entity, verb] = action.split('.', 2);
  const noun = ENTITY_NAMES[entity] ?? entity.replace(/_/g, ' ');
  return verb && VERBS[verb] ? `${VERBS[verb]} ${noun}` : action.replace(/[._]/g, ' ');
}

function formatTime(at: Date): string {
  return `${formatDate(at.toISOString())}, ${at.toISOString().slice(11, 16)} UTC`;
}

/** Other members are told what their role allows instead. */
const ownersOnly: PageGate = {
  permission: 'audit.read',
  purpose: "the workspace's owners, to see who changed what",
  back: { path: '', label: 'Back to the dashboard' },
};

export default workspacePage(ownersOnly, async ({ ctx, workspaceId, searchParams }) => {
  const raw = (await searchParams).before;
  const before = parseActivityCursor(typeof raw === 'string' ? raw : null) ? (raw as string) : null;
  const page = await listActivity(ctx, { before });
  const base = `/w/${workspaceId}/audit`;

  return (
    <div>
      <PageHeader
        title="Activity log"
        description="Every change made in this workspace: who, what and when. Only owners see this page."
      />
      {page.items.length === 0 ? (
        <EmptyState
          title={before ? 'No older activity' : 'Nothing has happened here yet'}
          action={
            before ? (
              <Link href={base} className="btn-secondary">
                Back to the newest
              </Link>
            ) : undefined
          }
        >
          <p>
            {before
              ? 'You have reached the start of the log.'
              : 'Each effort, contact or opportunity someone logs or changes will be listed here, so a shared workspace stays accountable.'}
          </p>
        </EmptyState>
      ) : (
        <ul aria-label="Activity" className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
          {page.items.map((entry) => {
            const path = entry.entity ? RECORD_PATHS[entry.entity] : undefined;
            const linkable = path && entry.entityId && !entry.action.endsWith('.delete');
            return (
              <li key={entry.id} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,2fr)_minmax(0,1fr)] sm:items-center sm:gap-4">
                <p className="break-words font-medium text-stone-900">{entry.actorName ?? 'A deleted account'}</p>
                <p className="min-w-0 break-words text-stone-800">
                  {describe(entry.action)}
                  {entry.entityId ? (
                    <>
                      {' '}
                      {linkable ? (
                        <Link href={`/w/${workspaceId}/${path}/${entry.entityId}`} className="link font-mono text-xs">
                          {entry.entityId.slice(0, 8)}
                        </Link>
                      ) : (
                        <span className="font-mono text-xs text-stone-600">{entry.entityId.slice(0, 8)}</span>
                      )}
                    </>
                  ) : null}
                </p>
                <p className="text-sm text-stone-600">
                  <time dateTime={entry.at.toISOString()}>{formatTime(entry.at)}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {before || page.nextCursor ? (
        <nav aria-label="Activity pages" className="mt-4 flex items-center justify-between gap-2">
          {before ? (
            <Link href={base} className="btn-secondary">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link href={`${base}?before=${encodeURIComponent(page.nextCursor)}`} className="btn-secondary" rel="next">
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
});
