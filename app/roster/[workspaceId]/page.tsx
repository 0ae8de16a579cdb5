import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { listCoachNotes } from '@/lib/data/coach-notes';
import { can, ROLE_LABELS } from '@/lib/permissions';
import { requireWorkspace } from '@/lib/workspace';
import { DeleteNoteButton, NoteEditor, NoteForm } from './note-forms';

export const metadata: Metadata = { title: 'Private notes' };

const stamp = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export default async function ClientNotesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  if (!can(ctx.role, 'notes.private')) notFound();
  const notes = await listCoachNotes(ctx);
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link className="link" href="/roster">
          ← Roster
        </Link>
      </p>
      <PageHeader
        title={`Notes on ${ctx.workspace.name}`}
        description={`Private to you: the workspace's owner and other members never see them. You are ${ROLE_LABELS[ctx.role].toLowerCase()} here.`}
        actions={
          <Link className="btn-secondary" href={`/w/${workspaceId}`}>
            Open the dashboard
          </Link>
        }
      />
      <section className="card" aria-labelledby="new-note-title">
        <h2 id="new-note-title" className="sr-only">
          New note
        </h2>
        <NoteForm workspaceId={workspaceId} />
      </section>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title" className="text-lg font-semibold">
          Your notes
        </h2>
        {notes.length === 0 ? (
          <p className="mt-2 text-stone-700">
            Nothing yet. Jot down what you agreed, what to watch for and what to ask next time — only you will see it.
          </p>
        ) : (
          <ol className="mt-3 space-y-3">
            {notes.map((n) => (
              <li key={n.id} className="card">
                <article aria-label={`Note from ${stamp.format(n.createdAt)}`}>
                  <p className="text-sm text-stone-600">
                    <time dateTime={n.createdAt.toISOString()}>{stamp.format(n.createdAt)} UTC</time>
                    {n.updatedAt.getTime() - n.createdAt.getTime() > 1000 ? ' (edited)' : ''}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words">{n.body}</p>
                  <div className="mt-2 flex flex-wrap gap-2">
                    <NoteEditor workspaceId={workspaceId} id={n.id} body={n.body} />
                    <DeleteNoteButton workspaceId={workspaceId} id={n.id} describe={`note from ${stamp.format(n.createdAt)}`} />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
