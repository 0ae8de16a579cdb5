// The wrapper family itself: every refusal of every kind of entry point, the transaction, the
// activity log and the revalidation, with actions and routes defined here on the real wrapper and
// the real import and export routes called as the framework would.
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { activityLog, contacts, memberships, type Role } from '@/db/schema';
import { createUserWithWorkspace } from '@/lib/data/users';
import { testDatabase } from '@/test/db';

const request = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string }, sid: 'device-1' }));
vi.mock('@/lib/session', () => ({
  getCurrentUser: async () => request.user,
  getSessionClaims: async () => (request.user ? { uid: request.user.id, authTime: Date.now(), sid: request.sid } : null),
  requireUser: async () => request.user,
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.7' }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));

const { fail, formAction, mailLinkAction, MESSAGES, publicAction, userAction, workspaceAction, workspaceFormAction, workspaceRoute, jsonResponse } = await import(
  '@/lib/action'
);
const importCsv = await import('@/app/w/[workspaceId]/import/csv/route');
const exportContacts = await import('@/app/w/[workspaceId]/export/contacts/route');
const exportBackup = await import('@/app/w/[workspaceId]/export/workspace/route');
const contactChoices = await import('@/app/w/[workspaceId]/contacts/choices/route');

type User = { id: string; name: string; email: string };
const handle = testDatabase();
let owner: User;
let workspaceId: string;
let stranger: User;
let strangerWorkspaceId: string;
const members = {} as Record<Exclude<Role, 'owner'>, User>;

beforeAll(async () => {
  const o = (await createUserWithWorkspace({ name: 'Olga Owner', email: 'olga-action@example.com', password: 'olga pass phrase' }))!;
  owner = o.user;
  workspaceId = o.workspaceId;
  const s = (await createUserWithWorkspace({ name: 'Sam Stranger', email: 'sam-action@example.com', password: 'sam pass phrase!' }))!;
  stranger = s.user;
  strangerWorkspaceId = s.workspaceId;
  for (const role of ['editor', 'coach', 'viewer'] as const) {
    const m = (await createUserWithWorkspace({ name: `Mo ${role}`, email: `mo-${role}-action@example.com`, password: `${role} pass phrase` }))!;
    await handle.db.insert(memberships).values({ workspaceId, userId: m.user.id, role });
    members[role] = m.user;
  }
});
beforeEach(() => {
  request.user = null;
  vi.mocked(revalidatePath).mockClear();
});

const as = (user: User | null) => {
  request.user = user;
};
const revalidated = () => vi.mocked(revalidatePath).mock.calls;

async function contactsNamed(name: string, where = workspaceId): Promise<number> {
  const [row] = await handle.db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, where), eq(contacts.name, name)));
  return row.n;
}

async function logged(action: string): Promise<Array<{ entityId: string | null; userId: string | null }>> {
  return handle.db
    .select({ entityId: activityLog.entityId, userId: activityLog.userId })
    .from(activityLog)
    .where(and(eq(activityLog.workspaceId, workspaceId), eq(activityLog.action, action)));
}

// A workspace action written on the wrapper: adds a contact by name, or refuses one named "Refuse"
// after writing it, so a rollback shows.
const nameSchema = z.object({ name: z.string().trim().min(1, 'Name is required').max(100) });
let handlerRuns = 0;
const addContact = workspaceAction({ schema: nameSchema, permission: 'records.write', activity: 'contact.test_add' }, async (ctx, input) => {
  handlerRuns += 1;
  const [row] = await ctx.tx.insert(contacts).values({ workspaceId: ctx.workspaceId, name: input.name }).returning({ id: contacts.id });
  if (input.name.startsWith('Refuse')) return fail('Refused after writing.');
  if (input.name.startsWith('Throw')) throw new Error('handler broke');
  return row;
});
const renameWorkspace = workspaceAction({ schema: nameSchema, permission: 'workspace.settings', activity: 'workspace.test_rename' }, async () => ({
  renamed: true,
}));

describe('workspace actions', () => {
  it('refuses a signed-out caller', async () => {
    expect(await addContact(workspaceId, { name: 'Nobody' })).toEqual(fail(MESSAGES.signedOut));
    expect(await contactsNamed('Nobody')).toBe(0);
  });

  it('refuses a workspace id that is not one, and a workspace the caller is not a member of, alike', async () => {
    as(stranger);
    expect(await addContact('not-a-workspace', { name: 'Bad Id' })).toEqual(fail(MESSAGES.notFound));
    expect(await addContact(randomUUID(), { name: 'No Such' })).toEqual(fail(MESSAGES.notFound));
    expect(await addContact(workspaceId, { name: 'Intruder' })).toEqual(fail(MESSAGES.notFound));
    expect(await contactsNamed('Intruder')).toBe(0);
  });

  it('refuses a role without the declared permission', async () => {
    for (const role of ['coach', 'viewer'] as const) {
      as(members[role]);
      expect(await addContact(workspaceId, { name: `By ${role}` })).toEqual(fail(MESSAGES.forbidden));
      expect(await contactsNamed(`By ${role}`)).toBe(0);
    }
    as(members.editor);
    expect(await renameWorkspace(workspaceId, { name: 'Editor rename' })).toEqual(fail(MESSAGES.forbidden));
    as(owner);
    expect(await renameWorkspace(workspaceId, { name: 'Owner rename' })).toEqual({ ok: true, data: { renamed: true } });
  });

  it('answers invalid input with field errors', async () => {
    as(owner);
    expect(await addContact(workspaceId, { name: '  ' })).toEqual(fail(MESSAGES.invalid, { name: ['Name is required'] }));
  });

  it('refuses text the database cannot hold: a NUL or a lone surrogate', async () => {
    as(owner);
    for (const name of ['Nul\u0000Byte', 'Lone \ud800 half']) {
      const result = await addContact(workspaceId, { name });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.fieldErrors?.name?.[0]).toMatch(/not allowed/);
    }
  });

  it('refuses a key that is not a UUID as a stale form', async () => {
    as(owner);
    expect(await addContact(workspaceId, { name: 'Stale Key', idempotencyKey: 'not-a-key' })).toEqual(fail(MESSAGES.staleForm));
    expect(await contactsNamed('Stale Key')).toBe(0);
  });

  it('does a replayed submission once and answers it with the stored result', async () => {
    as(owner);
    const key = randomUUID();
    const before = handlerRuns;
    const first = await addContact(workspaceId, { name: 'Replayed', idempotencyKey: key });
    const second = await addContact(workspaceId, { name: 'Replayed', idempotencyKey: key });
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(handlerRuns - before).toBe(1);
    expect(await contactsNamed('Replayed')).toBe(1);
    // The same key from another person is their own submission.
    as(members.editor);
    const theirs = await addContact(workspaceId, { name: 'Replayed', idempotencyKey: key });
    expect(theirs.ok && first.ok && theirs.data.id !== first.data.id).toBe(true);
  });

  it('rolls the transaction back when the handler fails or throws: nothing is written, nothing logged', async () => {
    as(owner);
    expect(await addContact(workspaceId, { name: 'Refuse me' })).toEqual(fail('Refused after writing.'));
    await expect(addContact(workspaceId, { name: 'Throw me' })).rejects.toThrow('handler broke');
    expect(await contactsNamed('Refuse me')).toBe(0);
    expect(await contactsNamed('Throw me')).toBe(0);
    expect(revalidated()).toEqual([]);
  });

  it('writes the activity log with the record on success', async () => {
    as(members.editor);
    const result = await addContact(workspaceId, { name: 'Logged One' });
    expect(result.ok).toBe(true);
    const rows = await logged('contact.test_add');
    expect(rows).toContainEqual({ entityId: result.ok ? result.data.id : null, userId: members.editor.id });
  });

  it("revalidates the workspace's pages on success, and not on failure", async () => {
    as(owner);
    await addContact(workspaceId, { name: '' });
    await addContact(workspaceId, { name: 'Refuse again' });
    as(members.viewer);
    await addContact(workspaceId, { name: 'Viewer try' });
    expect(revalidated()).toEqual([]);
    as(owner);
    await addContact(workspaceId, { name: 'Fresh Page' });
    expect(revalidated()).toEqual([[`/w/${workspaceId}`, 'layout']]);
  });
});

describe('workspace form actions', () => {
  const addContactForm = workspaceFormAction(addContact, { redirectTo: (id, data) => `/w/${id}/contacts/${data.id}` });
  const posted = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return form;
  };

  it('answers a refused post on the same page with its errors and the sent values', async () => {
    as(owner);
    expect(await addContactForm(null, posted({ workspaceId, name: ' ', note: 'kept' }))).toEqual({
      ok: false,
      formError: MESSAGES.invalid,
      fieldErrors: { name: ['Name is required'] },
      sent: { name: ' ', note: 'kept' },
    });
    as(stranger);
    expect(await addContactForm(null, posted({ workspaceId, name: 'Posted Intruder' }))).toMatchObject({ ok: false, formError: MESSAGES.notFound });
  });

  it('goes to the page it names once the post succeeded', async () => {
    as(owner);
    await expect(addContactForm(null, posted({ workspaceId, name: 'Posted Contact' }))).rejects.toMatchObject({
      digest: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;\\w+;/w/${workspaceId}/contacts/[0-9a-f-]{36};`)),
    });
    expect(await contactsNamed('Posted Contact')).toBe(1);
  });
});

// A user action written on the wrapper, standing in for the account forms.
const userSeen: Array<{ sessionId: string; ip: string; name: string }> = [];
const saveNickname = userAction({ schema: nameSchema }, async (ctx, input) => {
  if (input.name === 'Taken') return fail(undefined, { name: ['That one is taken'] });
  userSeen.push({ sessionId: ctx.sessionId, ip: ctx.ip, name: input.name });
  return { name: input.name };
});

describe('user actions', () => {
  it('refuses a signed-out caller before the handler runs', async () => {
    expect(await saveNickname({ name: 'Ghost' })).toEqual(fail(MESSAGES.signedOut));
    expect(userSeen.map((s) => s.name)).not.toContain('Ghost');
  });

  it('answers invalid input and unstorable text with field errors', async () => {
    as(owner);
    expect(await saveNickname({ name: '' })).toEqual(fail(MESSAGES.invalid, { name: ['Name is required'] }));
    for (const name of ['Nul\u0000', '\udfff tail']) {
      const result = await saveNickname({ name });
      expect(!result.ok && result.fieldErrors?.name?.[0]).toMatch(/not allowed/);
    }
    expect(revalidated()).toEqual([]);
  });

  it('runs the handler with this device and address, and revalidates the account pages on success only', async () => {
    as(owner);
    expect(await saveNickname({ name: 'Taken' })).toEqual(fail(undefined, { name: ['That one is taken'] }));
    expect(revalidated()).toEqual([]);
    expect(await saveNickname({ name: 'Olgi', idempotencyKey: randomUUID() })).toEqual({ ok: true, data: { name: 'Olgi' } });
    expect(userSeen.at(-1)).toEqual({ sessionId: 'device-1', ip: expect.any(String), name: 'Olgi' });
    expect(revalidated()).toEqual([['/account', 'layout']]);
  });

  it('as a form action keeps the sent values but never a password', async () => {
    as(owner);
    const form = new FormData();
    form.append('name', '');
    form.append('currentPassword', 'secret words');
    expect(await formAction(saveNickname)(null, form)).toEqual({
      ok: false,
      formError: MESSAGES.invalid,
      fieldErrors: { name: ['Name is required'] },
      sent: { name: '' },
    });
  });
});

const emailSchema = z.object({ email: z.string().trim().email('Enter an e-mail address') });
const askForLink = publicAction({ schema: emailSchema }, async (input) => {
  if (input.email.endsWith('@blocked.example')) return fail('Too many requests.');
  return { redirectTo: input.email.startsWith('go') ? '/signin?notice=sent' : null };
});

describe('public actions', () => {
  it('answers invalid input and unstorable text with field errors, and passes a handler failure on', async () => {
    expect(await askForLink({ email: 'nope' })).toEqual(fail(MESSAGES.invalid, { email: ['Enter an e-mail address'] }));
    const lone = await askForLink({ email: 'a\ud800@example.com' });
    expect(lone.ok).toBe(false);
    expect(await askForLink({ email: 'x@blocked.example' })).toEqual(fail('Too many requests.'));
    expect(await askForLink({ email: 'me@example.com' })).toEqual({ ok: true, data: { redirectTo: null } });
    expect(revalidated()).toEqual([]);
  });

  it('as a form action stays on the page or goes where the result says', async () => {
    const form = (email: string) => {
      const f = new FormData();
      f.append('email', email);
      return f;
    };
    const post = formAction(askForLink, { redirectTo: (data) => data.redirectTo });
    expect(await post(null, form('me@example.com'))).toEqual({ ok: true, sent: { email: 'me@example.com' } });
    await expect(post(null, form('go@example.com'))).rejects.toMatchObject({ digest: expect.stringContaining(';/signin?notice=sent;') });
  });
});

describe('mail link actions', () => {
  it('hands the address and the client address on with a deferred sender, and tells only a throttled request when to try again', async () => {
    const asked: { email: string; ip: string; deferred: boolean }[] = [];
    const mailLink = mailLinkAction({ schema: emailSchema }, async (email, ip, opts) => {
      asked.push({ email, ip, deferred: typeof opts.defer === 'function' });
      return email.startsWith('busy') ? { status: 'throttled', retryAfterMs: 90_000 } : { status: 'accepted' };
    });
    expect(await mailLink({ email: 'nope' })).toEqual(fail(MESSAGES.invalid, { email: ['Enter an e-mail address'] }));
    expect(asked).toEqual([]);
    expect(await mailLink({ email: 'me@example.com' })).toEqual({ ok: true, data: { sent: true } });
    const throttled = await mailLink({ email: 'busy@example.com' });
    expect(throttled.ok).toBe(false);
    expect(!throttled.ok && throttled.formError).toMatch(/^Too many requests\. \S/);
    expect(asked).toEqual([
      { email: 'me@example.com', ip: expect.any(String), deferred: true },
      { email: 'busy@example.com', ip: expect.any(String), deferred: true },
    ]);
    expect(revalidated()).toEqual([]);
  });
});

// The real routes, called the way Next.js calls a route handler.
const params = (id: string) => ({ params: Promise.resolve({ workspaceId: id }) });
const csv = (name: string) => `Name,Company\n${name},Harbor Labs\n`;
const CSV = csv('Ada Import');
const importRequest = (id: string, body: string = CSV, init: RequestInit = {}) =>
  new Request(`http://localhost/w/${id}/import/csv?entity=contacts&mode=import`, { method: 'POST', body, ...init });
const exportRequest = (id: string, path = 'contacts') => new Request(`http://localhost/w/${id}/export/${path}`);

describe('workspace routes', () => {
  it('lets owners and editors import, and refuses coaches and viewers with 403', async () => {
    for (const [user, status] of [
      [owner, 200],
      [members.editor, 200],
      [members.coach, 403],
      [members.viewer, 403],
    ] as const) {
      as(user);
      const response = await importCsv.POST(importRequest(workspaceId, csv(`Imported by ${user.name}`)), params(workspaceId));
      expect(response.status, user.name).toBe(status);
      const body = await response.json();
      expect(body.ok).toBe(status === 200);
      if (status === 403) expect(body.error).toBe(MESSAGES.forbidden);
      expect(await contactsNamed(`Imported by ${user.name}`)).toBe(status === 200 ? 1 : 0);
    }
  });

  it('refuses a signed-out import with 401, and another workspace or a bad id with 404', async () => {
    expect((await importCsv.POST(importRequest(workspaceId), params(workspaceId))).status).toBe(401);
    as(stranger);
    expect((await importCsv.POST(importRequest(workspaceId), params(workspaceId))).status).toBe(404);
    expect((await importCsv.POST(importRequest('../etc'), params('../etc'))).status).toBe(404);
    // The stranger's own workspace is theirs to import into.
    expect((await importCsv.POST(importRequest(strangerWorkspaceId), params(strangerWorkspaceId))).status).toBe(200);
    expect(await contactsNamed('Ada Import', strangerWorkspaceId)).toBe(1);
    expect(await contactsNamed('Ada Import')).toBe(0);
  });

  it('lets every member export the lists, and only the owner the whole workspace', async () => {
    for (const user of [owner, members.editor, members.coach, members.viewer]) {
      as(user);
      const list = await exportContacts.GET(exportRequest(workspaceId), params(workspaceId));
      expect(list.status, user.name).toBe(200);
      expect(await list.text()).toContain('Imported by Olga Owner');
      const backup = await exportBackup.GET(exportRequest(workspaceId, 'workspace'), params(workspaceId));
      expect(backup.status, user.name).toBe(user === owner ? 200 : 403);
    }
    as(null);
    expect((await exportContacts.GET(exportRequest(workspaceId), params(workspaceId))).status).toBe(401);
    as(stranger);
    expect((await exportContacts.GET(exportRequest(workspaceId), params(workspaceId))).status).toBe(404);
    expect((await exportBackup.GET(exportRequest(workspaceId, 'workspace'), params(workspaceId))).status).toBe(404);
  });

  it('refuses an empty, oversized or cut-off upload before the handler reads it', async () => {
    as(owner);
    const empty = await importCsv.POST(importRequest(workspaceId, ''), params(workspaceId));
    expect([empty.status, (await empty.json()).error]).toEqual([400, 'Choose a file first.']);
    const large = await importCsv.POST(importRequest(workspaceId, CSV, { headers: { 'content-length': String(11 * 1024 * 1024) } }), params(workspaceId));
    expect(large.status).toBe(413);
    const cut = await importCsv.POST(importRequest(workspaceId, CSV, { headers: { 'content-length': String(CSV.length + 10) } }), params(workspaceId));
    expect([cut.status, (await cut.json()).error]).toEqual([400, 'The upload was cut off. Try again, or split the file into smaller ones.']);
  });

  it('answers a query its schema refuses with 400 and what is wrong', async () => {
    as(owner);
    const short = await contactChoices.GET(new Request(`http://localhost/w/${workspaceId}/contacts/choices?q=a`), params(workspaceId));
    expect([short.status, (await short.json()).error]).toEqual([400, 'Type at least two characters, up to 100.']);
    const found = await contactChoices.GET(new Request(`http://localhost/w/${workspaceId}/contacts/choices?q=olga`), params(workspaceId));
    expect(found.status).toBe(200);
    expect(JSON.stringify((await found.json()).choices)).toContain('Imported by Olga Owner');
  });

  it('revalidates after a write that succeeded, not after a read or a refusal', async () => {
    as(members.viewer);
    await importCsv.POST(importRequest(workspaceId), params(workspaceId));
    await exportContacts.GET(exportRequest(workspaceId), params(workspaceId));
    expect(revalidated()).toEqual([]);
    as(owner);
    const route = workspaceRoute({ permission: 'records.write' }, async () => jsonResponse({ ok: true }));
    await route(new Request('http://localhost/x', { method: 'POST' }), params(workspaceId));
    expect(revalidated()).toEqual([[`/w/${workspaceId}`, 'layout']]);
  });
});
