import { randomUUID } from 'node:crypto';
import { and, count, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { activityLog, contacts, efforts, idempotencyKeys, timeEntries } from '@/db/schema';
import { testDatabase } from '@/test/db';
import { signUpOwner, type Owner } from '@/test/people';
import { contactForm } from '@/test/records';

const request = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock('@/lib/session', () => ({
  getCurrentUser: async () => request.user,
  getSessionClaims: async () => null,
  requireUser: async () => request.user,
}));

const { createContactAction } = await import('@/app/w/[workspaceId]/contacts/actions');
const { quickLogAction } = await import('@/app/w/[workspaceId]/log/actions');
const { splitIdempotencyKey, pruneIdempotencyKeys } = await import('@/lib/action');

const handle = testDatabase();
let alice: Owner;
let bob: Owner;

beforeAll(async () => {
  alice = await signUpOwner('Alice', 'alice-idem@example.com');
  bob = await signUpOwner('Bob', 'bob-idem@example.com');
});

const contact = (name: string) => contactForm(name);

const quick = (title: string) => ({
  channel: 'events' as const,
  title,
  date: '2026-03-02',
  hours: '2',
  moneySpent: '',
  drinks: '',
  pitches: '',
  advances: '',
  jobSeekerAsks: '',
  usefulContacts: '',
  contacts: [
    { name: 'Dana Wu', company: 'Harbor Labs', email: '' },
    { name: 'Eli Ross', company: '', email: '' },
  ],
});

async function contactsNamed(workspaceId: string, name: string): Promise<number> {
  const [row] = await handle.db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.name, name)));
  return row.n;
}

describe('idempotent actions', () => {
  it('creates one contact when the same submission arrives twice', async () => {
    request.user = alice.user;
    const key = randomUUID();
    const first = await createContactAction(alice.workspaceId, { ...contact('Twice Sent'), idempotencyKey: key });
    const second = await createContactAction(alice.workspaceId, { ...contact('Twice Sent'), idempotencyKey: key });
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(await contactsNamed(alice.workspaceId, 'Twice Sent')).toBe(1);
    const logged = await handle.db
      .select({ n: count() })
      .from(activityLog)
      .where(and(eq(activityLog.workspaceId, alice.workspaceId), eq(activityLog.action, 'contact.create')));
    expect(logged[0].n).toBe(1);
  });

  it('creates one record when duplicates arrive at the same time', async () => {
    request.user = alice.user;
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => createContactAction(alice.workspaceId, { ...contact('Sent Concurrently'), idempotencyKey: key })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? (r.data as { id: string }).id : null)));
    expect(ids.size).toBe(1);
    expect(await contactsNamed(alice.workspaceId, 'Sent Concurrently')).toBe(1);
  });

  it('writes a multi-row quick log once for a repeated key, including under concurrency', async () => {
    request.user = alice.user;
    const key = randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => quickLogAction(alice.workspaceId, { ...quick('Harbor mixer'), idempotencyKey: key })));
    expect(results.every((r) => r.ok)).toBe(true);
    const again = await quickLogAction(alice.workspaceId, { ...quick('Harbor mixer'), idempotencyKey: key });
    expect(again).toEqual(results[0]);
    const made = await handle.db
      .select({ id: efforts.id })
      .from(efforts)
      .where(and(eq(efforts.workspaceId, alice.workspaceId), eq(efforts.title, 'Harbor mixer')));
    expect(made).toHaveLength(1);
    const entries = await handle.db.select({ n: count() }).from(timeEntries).where(eq(timeEntries.effortId, made[0].id));
    expect(entries[0].n).toBe(1);
    expect(await contactsNamed(alice.workspaceId, 'Dana Wu')).toBe(1);
  });

  it('runs again for a new key, and without a key every submission counts', async () => {
    request.user = alice.user;
    await createContactAction(alice.workspaceId, { ...contact('Two Keys'), idempotencyKey: randomUUID() });
    await createContactAction(alice.workspaceId, { ...contact('Two Keys'), idempotencyKey: randomUUID() });
    await createContactAction(alice.workspaceId, contact('No Key'));
    await createContactAction(alice.workspaceId, contact('No Key'));
    expect(await contactsNamed(alice.workspaceId, 'Two Keys')).toBe(2);
    expect(await contactsNamed(alice.workspaceId, 'No Key')).toBe(2);
  });

  it('does not record a failed attempt, so fixing the form and resending with the same key works', async () => {
    request.user = alice.user;
    const key = randomUUID();
    const bad = await createContactAction(alice.workspaceId, { ...contact(''), idempotencyKey: key });
    expect(bad.ok).toBe(false);
    const good = await createContactAction(alice.workspaceId, { ...contact('Fixed Later'), idempotencyKey: key });
    expect(good.ok).toBe(true);
    expect(await contactsNamed(alice.workspaceId, 'Fixed Later')).toBe(1);
  });

  it('forgets keys after a day, in the scheduled upkeep, and keeps fresher ones working', async () => {
    request.user = alice.user;
    const oldKey = randomUUID();
    const freshKey = randomUUID();
    await createContactAction(alice.workspaceId, { ...contact('Yesterday Key'), idempotencyKey: oldKey });
    await createContactAction(alice.workspaceId, { ...contact('Today Key'), idempotencyKey: freshKey });
    await handle.db
      .update(idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) })
      .where(like(idempotencyKeys.key, `%:${oldKey}`));

    expect(await pruneIdempotencyKeys()).toBe(1);
    const left = (await handle.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((r) => r.key);
    expect(left.some((k) => k.endsWith(oldKey))).toBe(false);
    expect(left.some((k) => k.endsWith(freshKey))).toBe(true);

    // The fresh key still stops a repeat; the forgotten one no longer does.
    await createContactAction(alice.workspaceId, { ...contact('Today Key'), idempotencyKey: freshKey });
    expect(await contactsNamed(alice.workspaceId, 'Today Key')).toBe(1);
    await createContactAction(alice.workspaceId, { ...contact('Yesterday Key'), idempotencyKey: oldKey });
    expect(await contactsNamed(alice.workspaceId, 'Yesterday Key')).toBe(2);
    expect(await pruneIdempotencyKeys()).toBe(0);
  });

  it("never hands one user's stored result to another user with the same key", async () => {
    const key = randomUUID();
    request.user = alice.user;
    const mine = await createContactAction(alice.workspaceId, { ...contact('Alice Only'), idempotencyKey: key });
    request.user = bob.user;
    const theirs = await createContactAction(bob.workspaceId, { ...contact('Bob Only'), idempotencyKey: key });
    expect(mine.ok && theirs.ok).toBe(true);
    expect(theirs).not.toEqual(mine);
    expect(await contactsNamed(bob.workspaceId, 'Bob Only')).toBe(1);
    // A non-member replaying the key against Alice's workspace is refused before any lookup.
    const replay = await createContactAction(alice.workspaceId, { ...contact('Alice Only'), idempotencyKey: key });
    expect(replay).toMatchObject({ ok: false });
    const rows = await handle.db.select({ userId: idempotencyKeys.userId }).from(idempotencyKeys);
    expect(rows.filter((r) => r.userId === bob.user.id)).toHaveLength(1);
  });

  it('refuses a key that is not a UUID instead of ignoring it', async () => {
    request.user = alice.user;
    const result = await createContactAction(alice.workspaceId, { ...contact('Bad Key'), idempotencyKey: 'x'.repeat(10_000) });
    expect(result).toMatchObject({ ok: false });
    expect(await contactsNamed(alice.workspaceId, 'Bad Key')).toBe(0);
  });

  it('strips the key before validation without touching prototypes', () => {
    const body = JSON.parse('{"__proto__": {"polluted": "yes"}, "idempotencyKey": "7d3c1a52-4b7e-4a3f-9a51-6f0a2c1e9b10", "name": "x"}');
    const { key, rest } = splitIdempotencyKey(body);
    expect(key).toBe('7d3c1a52-4b7e-4a3f-9a51-6f0a2c1e9b10');
    expect(rest).not.toHaveProperty('idempotencyKey');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(splitIdempotencyKey(['idempotencyKey']).key).toBeUndefined();
    expect(splitIdempotencyKey(null).key).toBeUndefined();
  });
});
