'use client';

import './globals.css';
import { ErrorNotice } from './_components/error-notice';

// Replaces the root layout when it fails itself, so it brings its own <html> and <body>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorNotice subject="Groundwork" reset={reset} />
      </body>
    </html>
  );
}
