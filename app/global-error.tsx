'use client';

import './globals.css';

// Replaces the root layout when it fails itself, so it brings its own <html> and <body>.
// It never shows the error's message: that could carry SQL or internal details.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-5 py-12">
          <h1 className="text-3xl font-bold">Something went wrong</h1>
          <p className="mt-3 text-stone-700">
            Groundwork could not load this page. Nothing you saved was lost. Try again in a moment.
          </p>
          <p className="mt-6">
            <button type="button" className="btn-primary" onClick={() => reset()}>
              Try again
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
