import type { Metadata } from 'next';
import { OutboxStatus } from '@/app/_components/outbox-status';

export const metadata: Metadata = { title: 'No network' };

/** What the service worker shows for a page it cannot reach and has not kept: instead of the browser's error. */
export default function OfflinePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-5 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Groundwork</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">This page needs the network</h1>
      <p className="mt-4 text-lg text-stone-700">
        Your phone is offline, and this page shows records that live on the server. The quick log works without a
        network: what you log there is kept on this phone and sent when the network is back.
      </p>
      <div className="mt-6">
        <OutboxStatus />
      </div>
      {/* Plain links: offline, a full page load is what the service worker can answer from what it kept. */}
      <div className="mt-8 flex flex-wrap gap-3">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/?go=event" className="btn-primary">
          Open the quick log
        </a>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/?go=reached-out" className="btn-secondary">
          They reached out
        </a>
      </div>
    </main>
  );
}
