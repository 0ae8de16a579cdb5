// The phone's outbox: every quick-path record is written to IndexedDB before it is sent, and stays
// there until the server has it (or the person discards it). Closing the tab or restarting the
// phone loses nothing; the route's idempotency key (the record's id) makes a resend save once.

export const OUTBOX_ROUTE = '/api/v1/quick-log';
const DB_NAME = 'groundwork';
const STORE = 'outbox';
const CHANGED = 'groundwork-outbox';

export type OutboxState = 'waiting' | 'signin' | 'refused';

export interface OutboxRecord {
  /** A UUID made on the phone: the idempotency key of every attempt to send this record. */
  id: string;
  workspaceId: string;
  kind: string;
  values: Record<string, unknown>;
  /** What the person would call it ("Mixer at The Anchor"), for the list of what waits. */
  label: string;
  createdAt: number;
  state: OutboxState;
  /** Why the server would not take it, in the person's words. */
  reason?: string;
}

/** What happened to one record on a send. */
export type SendOutcome =
  | { status: 'saved'; data: unknown }
  | { status: 'kept' }
  | { status: 'signin' }
  | { status: 'refused'; formError?: string; fieldErrors?: Record<string, string[]> };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      // Resolved on commit, so a record is on disk before anything is sent.
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function changed() {
  window.dispatchEvent(new Event(CHANGED));
  try {
    const channel = new BroadcastChannel(CHANGED);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // Older browsers: other tabs see it on their next look.
  }
}

/** Calls back whenever this or another tab changes the outbox; returns the unsubscribe. */
export function onOutboxChange(callback: () => void): () => void {
  window.addEventListener(CHANGED, callback);
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANGED);
    channel.onmessage = callback;
  } catch {
    channel = null;
  }
  return () => {
    window.removeEventListener(CHANGED, callback);
    channel?.close();
  };
}

export async function listOutbox(): Promise<OutboxRecord[]> {
  const all = ((await run<OutboxRecord[]>('readonly', (s) => s.getAll() as IDBRequest<OutboxRecord[]>)) ?? []) as OutboxRecord[];
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

async function put(record: OutboxRecord) {
  await run('readwrite', (s) => s.put(record));
  changed();
}

export async function discardOutboxRecord(id: string) {
  await run('readwrite', (s) => s.delete(id));
  changed();
}

/** Sends one record; a network failure or a server error keeps it for the next try. */
async function send(record: OutboxRecord): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(OUTBOX_ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ id: record.id, workspaceId: record.workspaceId, kind: record.kind, values: record.values }),
    });
  } catch {
    return { status: 'kept' };
  }
  if (response.status === 401) return { status: 'signin' };
  if (response.status >= 500 || response.status === 429) return { status: 'kept' };
  const body = (await response.json().catch(() => null)) as
    | { ok: true; data: unknown }
    | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> }
    | null;
  if (!body) return { status: 'kept' };
  if (body.ok) return { status: 'saved', data: body.data };
  return { status: 'refused', formError: body.formError, fieldErrors: body.fieldErrors };
}

function reasonOf(outcome: Extract<SendOutcome, { status: 'refused' }>): string {
  const fields = Object.values(outcome.fieldErrors ?? {}).flat();
  return [outcome.formError, ...fields].filter(Boolean).join(' ') || 'The server would not take it.';
}

async function settle(record: OutboxRecord, outcome: SendOutcome): Promise<void> {
  if (outcome.status === 'saved') await discardOutboxRecord(record.id);
  else if (outcome.status === 'signin') await put({ ...record, state: 'signin' });
  else if (outcome.status === 'refused') await put({ ...record, state: 'refused', reason: reasonOf(outcome) });
}

/**
 * Keeps a new record on the phone, then tries to send it. A refusal is handed back to the form in
 * front of the person (who still holds the values), so the record is not left in the outbox.
 */
export async function keepAndSend(record: Omit<OutboxRecord, 'createdAt' | 'state'>): Promise<SendOutcome> {
  const kept: OutboxRecord = { ...record, createdAt: Date.now(), state: 'waiting' };
  await put(kept);
  const outcome = await withLock(() => send(kept));
  if (outcome.status === 'refused') await discardOutboxRecord(kept.id);
  else await settle(kept, outcome);
  if (outcome.status === 'saved') void flushOutbox();
  return outcome;
}

/** One sender at a time across this phone's tabs; the server's idempotency covers the rest. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('groundwork-outbox', work) as Promise<T>) : work();
}

/**
 * Sends what waits, oldest first. Records refused for good stay until the person decides; a
 * signed-out answer marks the rest as waiting for a sign-in and stops.
 */
export async function flushOutbox({ retryRefused = false } = {}): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await withLock(async () => {
    for (const record of await listOutbox()) {
      if (record.state === 'refused' && !retryRefused) continue;
      const outcome = await send(record);
      if (outcome.status === 'kept') return;
      await settle(record, outcome);
      if (outcome.status === 'signin') {
        for (const rest of await listOutbox()) if (rest.state === 'waiting') await put({ ...rest, state: 'signin' });
        return;
      }
    }
  });
}

/** Asks the service worker to send on the browser's Background Sync, where the browser has it. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.ready;
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register('groundwork-outbox');
  } catch {
    // Not supported or not allowed: sending on "online" and on opening the app covers it.
  }
}
