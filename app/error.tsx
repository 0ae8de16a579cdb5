'use client';

import { ErrorNotice } from './_components/error-notice';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice subject="We" reset={reset} />;
}
