'use client';

/** What a page that failed to render shows: never the error's message, which could carry SQL or internal details. */
export function ErrorNotice({ subject, reset }: { subject: string; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-5 py-12">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-stone-700">{subject} could not load this page. Nothing you saved was lost. Try again in a moment.</p>
      <p className="mt-6">
        <button type="button" className="btn-primary" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </main>
  );
}
