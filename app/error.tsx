'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-5 py-12">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-stone-700">
        We could not load this page. Nothing you saved was lost. Try again in a moment.
      </p>
      <p className="mt-6">
        <button type="button" className="btn-primary" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </main>
  );
}
