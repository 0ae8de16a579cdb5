import { listComments } from '@/lib/data/comments';
import { can } from '@/lib/permissions';
import type { CommentEntity } from '@/lib/schemas/comment-options';
import { requireWorkspace, type WorkspacePageCtx } from '@/lib/workspace';
import { CommentEditor, CommentForm, DeleteCommentButton } from './comment-forms';

const EMPTY: Record<CommentEntity, string> = {
  dashboard: 'No comments yet. A coach or teammate can say here which channels to keep and which to drop.',
  effort: 'No comments yet. Was this worth the hours? A coach or teammate can say so here.',
  contact: 'No comments yet. Ideas for keeping in touch with this person go here.',
  opportunity: 'No comments yet. Advice on moving this opportunity along goes here.',
};

const absolute = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** "just now", "5 min ago", "3 h ago", "2 days ago"; older ones show only the date. */
function relative(at: Date, now: Date): string | null {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days} ${days === 1 ? 'day' : 'days'} ago`;
  return null;
}

/** The comment thread of a record or of the dashboard, with a form for those who may comment. */
export async function Comments({ workspaceId, entity, entityId }: { workspaceId: string; entity: CommentEntity; entityId: string | null }) {
  const ctx = await requireWorkspace(workspaceId);
  return <CommentThread ctx={ctx} entity={entity} entityId={entityId} thread={await listComments(ctx, { entity, entityId })} />;
}

/** The same thread, for a page that loaded it together with its other reads (so it renders without waiting). */
export function CommentThread({
  ctx,
  entity,
  entityId,
  thread: { items, hasMore },
}: {
  ctx: WorkspacePageCtx;
  entity: CommentEntity;
  entityId: string | null;
  thread: Awaited<ReturnType<typeof listComments>>;
}) {
  const workspaceId = ctx.workspaceId;
  const canWrite = can(ctx.role, 'comments.write');
  const canModerate = can(ctx.role, 'comments.moderate');
  const now = new Date();
  const titleId = `comments-${entity}-${entityId ?? 'all'}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="text-lg font-semibold">
        Comments {items.length > 0 ? <span className="font-normal text-stone-600">({items.length}{hasMore ? '+' : ''})</span> : null}
      </h2>
      {hasMore ? <p className="mt-1 text-sm text-stone-600">Showing the latest {items.length} comments.</p> : null}
      {items.length === 0 ? (
        <p className="mt-2 text-stone-700">{EMPTY[entity]}</p>
      ) : (
        <ol className="mt-3 space-y-4">
          {items.map((c) => {
            const mine = c.authorId === ctx.userId;
            const ago = relative(c.createdAt, now);
            const author = c.authorName ?? 'A former member';
            return (
              <li key={c.id}>
                <article id={`comment-${c.id}`} aria-label={`Comment by ${author}`} className="rounded-lg border border-stone-200 p-3">
                  <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
                    <span className="font-semibold text-stone-900">{author}</span>
                    <time dateTime={c.createdAt.toISOString()} title={absolute.format(c.createdAt)} className="text-stone-600">
                      {ago ? `${ago} · ` : ''}
                      {absolute.format(c.createdAt)}
                    </time>
                    {c.edited ? (
                      <span className="text-stone-600" title={`Edited ${absolute.format(c.updatedAt)}`}>
                        (edited)
                      </span>
                    ) : null}
                  </header>
                  {/* Rendered as text: React escapes it, and line breaks are kept by CSS. */}
                  <p className="mt-1 whitespace-pre-wrap break-words text-stone-800">{c.body}</p>
                  {(mine && canWrite) || canModerate ? (
                    <div className="mt-2 flex flex-wrap gap-2">
                      {mine && canWrite ? (
                        <CommentEditor workspaceId={workspaceId} id={c.id} body={c.body} describe={`your comment of ${absolute.format(c.createdAt)}`} />
                      ) : null}
                      <DeleteCommentButton
                        workspaceId={workspaceId}
                        id={c.id}
                        mine={mine}
                        describe={`comment by ${author}, ${absolute.format(c.createdAt)}`}
                      />
                    </div>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}
      {canWrite ? (
        <CommentForm workspaceId={workspaceId} entity={entity} entityId={entityId} />
      ) : (
        <p className="mt-3 text-sm text-stone-600">Owners, editors and coaches can comment here.</p>
      )}
    </section>
  );
}
