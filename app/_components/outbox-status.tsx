'use client';

import { useEffect, useState } from 'react';
import { discardOutboxRecord, flushOutbox, listOutbox, onOutboxChange, type OutboxRecord } from './outbox';

/**
 * What waits on this phone, with its count. The `sender` instance (one per page) also installs the
 * service worker and sends what waits: on opening the app, when the network returns, when the page
 * comes back to the front, and when the service worker's Background Sync asks.
 */
export function OutboxStatus({ sender = false, workspaceId, signInHref }: { sender?: boolean; workspaceId?: string; signInHref?: string }) {
  const [records, setRecords] = useState<OutboxRecord[]>([]);

  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    let alive = true;
    const refresh = () =>
      void listOutbox()
        .then((list) => alive && setRecords(list))
        .catch(() => undefined);
    refresh();
    const unsubscribe = onOutboxChange(refresh);
    if (!sender) {
      return () => {
        alive = false;
        unsubscribe();
      };
    }
    const send = () => void flushOutbox().catch(() => undefined);
    const onVisible = () => document.visibilityState === 'visible' && send();
    const onMessage = (event: MessageEvent) => event.data === 'groundwork-outbox-flush' && send();
    window.addEventListener('online', send);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    navigator.serviceWorker
      ?.register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        // Once the page has settled, the worker keeps this workspace's quick paths for opening offline.
        if (workspaceId) setTimeout(() => registration.active?.postMessage({ type: 'groundwork-quick-paths', workspaceId }), 2000);
      })
      .catch(() => undefined);
    void navigator.storage?.persist?.().catch(() => undefined);
    send();
    return () => {
      alive = false;
      unsubscribe();
      window.removeEventListener('online', send);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, [sender, workspaceId]);

  if (records.length === 0) return null;
  const needsSignIn = records.some((r) => r.state === 'signin');
  const refused = records.filter((r) => r.state === 'refused').length;
  return (
    <details className="relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-lg bg-amber-50 px-2 text-sm font-medium text-amber-900 ring-1 ring-amber-300">
        <span aria-hidden="true">⏳</span>
        <span>
          {records.length} saved on this phone, not sent yet
        </span>
      </summary>
      <div className="absolute right-0 z-50 mt-1 w-72 rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-lg">
        {needsSignIn ? (
          <p className="mb-2 font-medium text-stone-800">
            Your session has ended.{' '}
            <a href={signInHref ?? `/signin?next=${encodeURIComponent(location.pathname)}`} className="link">
              Sign in
            </a>{' '}
            and they will be sent.
          </p>
        ) : refused === 0 ? (
          <p className="mb-2 text-stone-700">They are sent as soon as the network is back. Closing the page loses nothing.</p>
        ) : null}
        <ul className="space-y-2">
          {records.map((r) => (
            <li key={r.id} className="rounded-md border border-stone-200 p-2">
              <p className="font-medium [overflow-wrap:anywhere]">{r.label}</p>
              {r.state === 'refused' ? (
                <>
                  <p className="mt-1 text-red-700">Could not be saved: {r.reason}</p>
                  <div className="mt-2 flex gap-2">
                    <button type="button" className="btn-secondary px-3 text-sm" onClick={() => void flushOutbox({ retryRefused: true })}>
                      Try again
                    </button>
                    <button
                      type="button"
                      className="btn-secondary px-3 text-sm"
                      aria-label={`Discard ${r.label}`}
                      onClick={() => void discardOutboxRecord(r.id)}
                    >
                      Discard
                    </button>
                  </div>
                </>
              ) : (
                <p className="text-stone-600">{r.state === 'signin' ? 'Waiting for you to sign in' : 'Waiting for the network'}</p>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
