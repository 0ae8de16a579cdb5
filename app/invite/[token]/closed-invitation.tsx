import Link from 'next/link';
import type { ReactNode } from 'react';

/** The end of an invitation link that cannot be used: why, and the way into the app. */
export function ClosedInvitation({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-stone-700">{children}</p>
      <p className="mt-6">
        <Link href="/" className="btn-secondary">
          Go to Groundwork
        </Link>
      </p>
    </>
  );
}
