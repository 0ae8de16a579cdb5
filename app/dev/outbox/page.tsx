import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { listOutbox, outboxEnabled } from '@/lib/mail';

export const metadata: Metadata = { title: 'Development outbox', robots: { index: false } };

/** Mail the app would have sent, for whoever runs it locally with no SMTP server. */
export default async function OutboxPage() {
  await connection();
  if (!outboxEnabled()) notFound();
  const mails = await listOutbox();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Development outbox</h1>
      <p className="mt-1 text-stone-600">
        No SMTP server is configured, so e-mail is kept here instead of being sent. Newest first.
      </p>
      {mails.length === 0 ? <p className="mt-6">No mail yet.</p> : null}
      <ol className="mt-6 space-y-4">
        {mails.map((m) => (
          <li key={m.id} className="card">
            <article aria-label={`Mail to ${m.to}: ${m.subject}`}>
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm text-stone-600">
                To {m.to} · {m.createdAt.toISOString()}
              </p>
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">
                {m.text.split(/(https?:\/\/\S+)/g).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={i} href={part} className="link">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
