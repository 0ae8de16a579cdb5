import { count, desc, eq, getTableColumns, getTableName, inArray, is, or } from 'drizzle-orm';
import { PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as schema from '@/db/schema';
import {
  activityLog,
  coachNotes,
  comments,
  contacts,
  effortContacts,
  efforts,
  emailTokens,
  interactions,
  invitations,
  linkedinChecklists,
  mailOutbox,
  memberships,
  opportunities,
  throttles,
  timeEntries,
  userSessions,
  users,
  workspaces,
} from '@/db/schema';
import { testDatabase } from '@/test/db';
import { deleteAccount, getDeletionPlan } from './accounts/deletion';
import { describeUserAgent } from './accounts/devices';
import { confirmEmailChange, requestEmailChange } from './accounts/email-change';
import { changePassword, requestPasswordReset, resetPasswordWithToken } from './accounts/password';
import { isEmailVerified } from './accounts/profile';
import { authorizeSignIn, confirmPassword } from './accounts/sign-in';
import { requestVerificationByEmail, resendVerification, sendVerificationEmail, verifyEmailWithToken } from './accounts/verification';
import { createEmailToken, hashToken } from './email-tokens';
import { createUserSession } from './sessions';
import { checkUserSession } from '@/test/sessions';
import { getLock, throttleKey } from './throttle';
import { createUserWithWorkspace, getSessionUser } from './users';

// The actions run here with the framework's request plumbing replaced by plain stand-ins.
const request = vi.hoisted(() => ({
  headers: new Headers({ 'x-forwarded-for': '198.51.100.1' }),
  user: null as null | { id: string; name: string; email: string },
  sid: '',
  deferred: [] as Promise<void>[],
}));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  after: (task: () => Promise<void>) => {
    request.deferred.push(task());
  },
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/lib/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
vi.mock('@/lib/session', () => ({
  getCurrentUser: async () => request.user,
  getSessionClaims: async () => (request.user ? { uid: request.user.id, authTime: Date.now(), sid: request.sid } : null),
  requireUser: async () => request.user,
}));

// Every sign-in attempt here is a real scrypt hash by design; a busy machine needs the room.
vi.setConfig({ testTimeout: 120_000 });

const handle = testDatabase();
let ip = 0;
/** A fresh client address per test, so address budgets never leak between tests. */
function nextIp(): string {
  ip += 1;
  const address = `203.0.113.${ip}`;
  request.headers = new Headers({ 'x-forwarded-for': address });
  return address;
}

async function settle() {
  await Promise.all(request.deferred.splice(0));
}

async function mailTo(address: string) {
  return handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, address)).orderBy(desc(mailOutbox.createdAt));
}

function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`/${path}/([A-Za-z0-9_-]{43})`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

async function newUser(name: string, email: string, password = 'a long pass phrase') {
  const created = (await createUserWithWorkspace({ name, email, password }))!;
  return { ...created.user, workspaceId: created.workspaceId, password };
}

beforeEach(() => {
  nextIp();
  request.user = null;
  request.deferred = [];
});

const t0 = new Date();
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('e-mail verification', () => {
  it('a new account is unverified until the mailed link is opened; the link works once', async () => {
    const maya = await newUser('Maya', 'maya@example.com');
    expect(await isEmailVerified(maya.id)).toBe(false);
    await sendVerificationEmail(maya);
    const [mail] = await mailTo('maya@example.com');
    expect(mail.subject).toMatch(/Confirm your e-mail/);
    const token = linkIn(mail.text, 'verify-email');

    expect(await verifyEmailWithToken(token)).toEqual({ status: 'verified', email: 'maya@example.com' });
    expect(await isEmailVerified(maya.id)).toBe(true);
    expect(await verifyEmailWithToken(token)).toEqual({ status: 'invalid' });
  });

  it('refuses expired, tampered and wrong-purpose links, and links for an address the account left', async () => {
    const sam = await newUser('Sam', 'sam@example.com');
    const expired = await createEmailToken(sam.id, 'verify_email', sam.email, { now: new Date(Date.now() - 25 * 3600_000) });
    expect(await verifyEmailWithToken(expired)).toEqual({ status: 'invalid' });

    const good = await createEmailToken(sam.id, 'verify_email', sam.email);
    expect(await verifyEmailWithToken(good.slice(0, 42) + (good[42] === 'A' ? 'B' : 'A'))).toEqual({ status: 'invalid' });

    const reset = await createEmailToken(sam.id, 'reset_password', sam.email);
    expect(await verifyEmailWithToken(reset)).toEqual({ status: 'invalid' });
    const change = await createEmailToken(sam.id, 'change_email', 'sam2@example.com');
    expect(await verifyEmailWithToken(change)).toEqual({ status: 'invalid' });

    // A link sent to an old address does not vouch for the account's new one.
    const old = await createEmailToken(sam.id, 'verify_email', 'sam-old@example.com');
    expect(await verifyEmailWithToken(old)).toEqual({ status: 'invalid' });
    expect(await isEmailVerified(sam.id)).toBe(false);

    expect(await verifyEmailWithToken(good)).toEqual({ status: 'verified', email: 'sam@example.com' });
  });

  it('resend is limited to one a minute and five a day, and stops once verified', async () => {
    const lee = await newUser('Lee', 'lee@example.com');
    const ipAddress = nextIp();
    const base = new Date('2030-01-01T09:00:00Z');
    const minute = 60_000;
    expect(await resendVerification(lee.id, ipAddress, { now: base })).toEqual({ status: 'sent' });
    expect(await resendVerification(lee.id, ipAddress, { now: new Date(base.getTime() + 30_000) })).toEqual({
      status: 'throttled',
      retryAfterMs: 30_000,
    });
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push((await resendVerification(lee.id, ipAddress, { now: new Date(base.getTime() + i * 2 * minute) })).status);
    expect(statuses).toEqual(['sent', 'sent', 'sent', 'sent', 'throttled']);
    expect((await mailTo('lee@example.com')).length).toBe(5);

    const [latest] = await mailTo('lee@example.com');
    await verifyEmailWithToken(linkIn(latest.text, 'verify-email'));
    expect(await resendVerification(lee.id, ipAddress, { now: new Date(base.getTime() + 2 * 24 * 3600_000) })).toEqual({
      status: 'already_verified',
    });
  });

  it('asking for a link by address answers the same for unknown, verified and unverified addresses', async () => {
    const kim = await newUser('Kim', 'kim@example.com');
    const results = [];
    for (const address of ['kim@example.com', 'nobody-here@example.com', 'maya@example.com']) {
      results.push(await requestVerificationByEmail(address, nextIp()));
    }
    expect(results).toEqual([{ status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }]);
    expect((await mailTo('kim@example.com')).length).toBe(1);
    expect((await mailTo('nobody-here@example.com')).length).toBe(0);
    expect(await isEmailVerified(kim.id)).toBe(false);
  });
});

describe('sign-in lockout', () => {
  it('locks an account after five wrong passwords, even for the right one, and says the same for unknown accounts', async () => {
    const ana = await newUser('Ana', 'ana@example.com', 'ana pass phrase');
    const ipAddress = nextIp();
    for (let i = 0; i < 5; i++) expect((await authorizeSignIn('ana@example.com', 'wrong guess', ipAddress)).status).toBe('invalid');
    const locked = await authorizeSignIn('ANA@example.com', 'ana pass phrase', nextIp());
    expect(locked).toMatchObject({ status: 'locked' });
    expect((locked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(55_000);

    const ghostIp = nextIp();
    for (let i = 0; i < 5; i++) await authorizeSignIn('ghost@example.com', 'wrong guess', ghostIp);
    expect(await authorizeSignIn('ghost@example.com', 'anything', nextIp())).toMatchObject({ status: 'locked' });

    // Once the lock has run out, the right password works and clears the account's count.
    const after = new Date(Date.now() + 61_000);
    expect(await authorizeSignIn('ana@example.com', 'ana pass phrase', nextIp(), { now: after })).toMatchObject({
      status: 'ok',
      user: { id: ana.id },
    });
    expect(await getLock([throttleKey.signInAccount('ana@example.com')], { now: after })).toBeNull();
  });

  it("lets a browser that signed in before through the account's lock; its own wrong guesses lock only it", async () => {
    const olu = await newUser('Olu', 'olu@example.com', 'olu pass phrase');
    const owner = 'a-device-nonce-of-22ch';
    // A stranger locks the account (and their own address) with five wrong guesses.
    const stranger = nextIp();
    for (let i = 0; i < 5; i++) await authorizeSignIn('olu@example.com', 'wrong guess', stranger);
    expect(await authorizeSignIn('olu@example.com', 'olu pass phrase', nextIp())).toMatchObject({ status: 'locked' });
    // The owner's browser, even on the stranger's network, still gets in, and the lock is lifted.
    expect(await authorizeSignIn('olu@example.com', 'olu pass phrase', stranger, { deviceNonce: owner })).toMatchObject({
      status: 'ok',
      user: { id: olu.id },
    });
    expect(await getLock([throttleKey.signInAccount('olu@example.com')])).toBeNull();
    // Re-entering the password on the account page works the same way.
    for (let i = 0; i < 5; i++) await authorizeSignIn('olu@example.com', 'wrong guess', stranger);
    expect(await confirmPassword(olu.id, 'olu pass phrase', nextIp())).toMatchObject({ ok: false });
    expect(await confirmPassword(olu.id, 'olu pass phrase', stranger, { deviceNonce: owner })).toEqual({ ok: true, email: 'olu@example.com' });
    await authorizeSignIn('olu@example.com', 'olu pass phrase', stranger, { deviceNonce: owner });
    // Guessing from a stolen device cookie locks that cookie, not the account.
    for (let i = 0; i < 5; i++) await authorizeSignIn('olu@example.com', 'wrong guess', nextIp(), { deviceNonce: owner });
    expect(await authorizeSignIn('olu@example.com', 'olu pass phrase', nextIp(), { deviceNonce: owner })).toMatchObject({ status: 'locked' });
    expect(await authorizeSignIn('olu@example.com', 'olu pass phrase', nextIp())).toMatchObject({ status: 'ok' });
  });
});

describe('password reset', () => {
  it('answers the same for a known and an unknown address and mails only the known one', async () => {
    const known = await newUser('Rae', 'rae@example.com', 'rae old phrase');
    const a = await requestPasswordReset('rae@example.com', nextIp());
    const b = await requestPasswordReset('no-account@example.com', nextIp());
    expect(a).toEqual(b);
    expect(a).toEqual({ status: 'accepted' });
    const [mail] = await mailTo('rae@example.com');
    expect(mail.subject).toBe('Reset your Groundwork password');
    expect(await mailTo('no-account@example.com')).toHaveLength(0);
    expect(known.id).toBeTruthy();
  });

  it('per-account budget stops mail silently; the per-address budget is said out loud for everyone alike', async () => {
    await newUser('Flo', 'flo@example.com');
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset('flo@example.com', nextIp())).toEqual({ status: 'accepted' });
    expect(await mailTo('flo@example.com')).toHaveLength(3);

    const shared = nextIp();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await requestPasswordReset(i % 2 ? 'flo@example.com' : 'nobody@example.com', shared)).status);
    expect(answers.slice(0, 10).every((s) => s === 'accepted')).toBe(true);
    expect(answers[10]).toBe('throttled');
  });

  it('a reset link sets the new password once and signs out every session', async () => {
    const joy = await newUser('Joy', 'joy@example.com', 'joy old phrase');
    const sid = await createUserSession(joy.id, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0');
    const issued = Date.now() - 5000;
    await requestPasswordReset('joy@example.com', nextIp());
    const token = linkIn((await mailTo('joy@example.com'))[0].text, 'reset-password');

    expect(await resetPasswordWithToken(token, 'joy new phrase')).toEqual({ ok: true, email: 'joy@example.com' });
    expect(await checkUserSession(joy.id, sid)).toBe(false);
    expect(await getSessionUser(joy.id, issued)).toBeNull();
    expect((await authorizeSignIn('joy@example.com', 'joy old phrase', nextIp())).status).toBe('invalid');
    expect((await authorizeSignIn('joy@example.com', 'joy new phrase', nextIp())).status).toBe('ok');
    // Reading the mailed link proved the address.
    expect(await isEmailVerified(joy.id)).toBe(true);

    expect(await resetPasswordWithToken(token, 'joy third phrase')).toEqual({ ok: false });
    expect((await authorizeSignIn('joy@example.com', 'joy new phrase', nextIp())).status).toBe('ok');
  });

  it('refuses expired, tampered and wrong-purpose links and leaves the password alone', async () => {
    const max = await newUser('Max', 'max@example.com', 'max old phrase');
    const expired = await createEmailToken(max.id, 'reset_password', max.email, { now: new Date(Date.now() - 3601_000) });
    expect(await resetPasswordWithToken(expired, 'max new phrase')).toEqual({ ok: false });
    const verify = await createEmailToken(max.id, 'verify_email', max.email);
    expect(await resetPasswordWithToken(verify, 'max new phrase')).toEqual({ ok: false });
    const live = await createEmailToken(max.id, 'reset_password', max.email);
    expect(await resetPasswordWithToken(`${live.slice(0, 42)}${live[42] === 'a' ? 'b' : 'a'}`, 'max new phrase')).toEqual({ ok: false });
    expect((await authorizeSignIn('max@example.com', 'max old phrase', nextIp())).status).toBe('ok');
  });
});

describe('e-mail change', () => {
  it('needs the current password, takes effect when the new address opens its link, and tells the old one', async () => {
    const pat = await newUser('Pat', 'pat@example.com', 'pat pass phrase');
    expect(await requestEmailChange(pat.id, { newEmail: 'pat-new@example.com', currentPassword: 'wrong' }, nextIp())).toMatchObject({
      ok: false,
      reason: 'wrong_password',
    });
    expect(await requestEmailChange(pat.id, { newEmail: 'PAT@example.com', currentPassword: 'pat pass phrase' }, nextIp())).toEqual({
      ok: false,
      reason: 'same_address',
    });
    expect(await requestEmailChange(pat.id, { newEmail: 'Pat-New@example.com', currentPassword: 'pat pass phrase' }, nextIp())).toEqual({ ok: true });
    const [mail] = await mailTo('pat-new@example.com');
    const token = linkIn(mail.text, 'verify-email');
    // Nothing changes until the link is opened.
    expect((await handle.db.select({ email: users.email }).from(users).where(eq(users.id, pat.id)))[0].email).toBe('pat@example.com');
    // The link is not a verification link or a reset link.
    expect(await verifyEmailWithToken(token)).toEqual({ status: 'invalid' });
    expect(await resetPasswordWithToken(token, 'some new phrase')).toEqual({ ok: false });

    expect(await confirmEmailChange(token)).toEqual({ status: 'changed', email: 'pat-new@example.com' });
    expect(await isEmailVerified(pat.id)).toBe(true);
    expect((await mailTo('pat@example.com'))[0].subject).toBe('Your Groundwork e-mail address was changed');
    expect(await confirmEmailChange(token)).toEqual({ status: 'invalid' });
    expect((await authorizeSignIn('pat-new@example.com', 'pat pass phrase', nextIp())).status).toBe('ok');
  });

  it('an address in use gets no link, yet the answer is the same; one taken meanwhile is refused on opening', async () => {
    const lou = await newUser('Lou', 'lou@example.com', 'lou pass phrase');
    await newUser('Taken', 'taken@example.com');
    expect(await requestEmailChange(lou.id, { newEmail: 'taken@example.com', currentPassword: 'lou pass phrase' }, nextIp())).toEqual({ ok: true });
    expect((await mailTo('taken@example.com')).filter((m) => m.subject.includes('new e-mail'))).toHaveLength(0);

    const token = await createEmailToken(lou.id, 'change_email', 'soon-taken@example.com');
    await newUser('Quick', 'soon-taken@example.com');
    expect(await confirmEmailChange(token)).toEqual({ status: 'taken' });
    expect((await handle.db.select({ email: users.email }).from(users).where(eq(users.id, lou.id)))[0].email).toBe('lou@example.com');

    const expired = await createEmailToken(lou.id, 'change_email', 'lou2@example.com', { now: new Date(Date.now() - 25 * 3600_000) });
    expect(await confirmEmailChange(expired)).toEqual({ status: 'invalid' });
  });
});

describe('password change', () => {
  it('needs the current password and signs out every other session but this one', async () => {
    const bo = await newUser('Bo', 'bo@example.com', 'bo pass phrase');
    const here = await createUserSession(bo.id, 'here');
    const there = await createUserSession(bo.id, 'there');
    expect(await changePassword(bo.id, here, { currentPassword: 'nope', newPassword: 'bo new phrase' }, nextIp())).toMatchObject({
      ok: false,
    });
    expect(await checkUserSession(bo.id, there)).toBe(true);
    expect(await changePassword(bo.id, here, { currentPassword: 'bo pass phrase', newPassword: 'bo new phrase' }, nextIp())).toEqual({ ok: true });
    expect(await checkUserSession(bo.id, here)).toBe(true);
    expect(await checkUserSession(bo.id, there)).toBe(false);
    expect(await getSessionUser(bo.id, Date.now(), here)).toMatchObject({ id: bo.id });
    expect((await authorizeSignIn('bo@example.com', 'bo new phrase', nextIp())).status).toBe('ok');
  });
});

describe('describeUserAgent', () => {
  it('names browser and system in plain words', () => {
    const cases: Array<[string, string]> = [
      ['Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on Windows'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge on Windows'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iPhone'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1', 'Chrome on iPhone'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on Mac'],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on Linux'],
      ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36', 'Samsung Internet on Android'],
      ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on ChromeOS'],
      ['curl/8.5.0', 'Unknown device'],
      ['', 'Unknown device'],
    ];
    for (const [ua, expected] of cases) expect(describeUserAgent(ua)).toBe(expected);
  });
});

// -------------------------------------------------------------------------------------------
// Deletion: every table is counted before and after.

const allTables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));

async function countAll(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of allTables) {
    const [row] = await handle.db.select({ n: count() }).from(table);
    out[getTableName(table)] = Number(row.n);
  }
  return out;
}

/** Tables the seed below writes to directly; every other table is checked by what ties it to Dana. */
const DIRECT_TABLES = new Set([
  'users', 'workspaces', 'memberships', 'activity_log', 'throttles', 'efforts', 'time_entries', 'contacts', 'effort_contacts',
  'interactions', 'opportunities', 'linkedin_checklists', 'user_sessions', 'email_tokens', 'invitations', 'comments',
  'coach_notes', 'mail_outbox',
]);

describe('account deletion', () => {
  async function seedWorld() {
    const dana = await newUser('Dana Deleted', 'dana@example.com', 'dana pass phrase');
    const [bea, cal] = await handle.db
      .insert(users)
      .values([
        { name: 'Bea Other', email: 'bea@example.com', passwordHash: 'x' },
        { name: 'Cal Member', email: 'cal@example.com', passwordHash: 'x' },
      ])
      .returning({ id: users.id });
    const [beaWs, sharedWs, coWs] = await handle.db
      .insert(workspaces)
      .values([{ name: "Bea's workspace" }, { name: 'Dana and Cal' }, { name: 'Dana and Bea co-owned' }])
      .returning({ id: workspaces.id });
    await handle.db.insert(memberships).values([
      { workspaceId: beaWs.id, userId: bea.id, role: 'owner' },
      { workspaceId: beaWs.id, userId: dana.id, role: 'coach' },
      { workspaceId: sharedWs.id, userId: dana.id, role: 'owner' },
      { workspaceId: sharedWs.id, userId: cal.id, role: 'editor' },
      { workspaceId: coWs.id, userId: dana.id, role: 'owner' },
      { workspaceId: coWs.id, userId: bea.id, role: 'owner' },
    ]);

    async function records(workspaceId: string, authorId: string) {
      const [effort] = await handle.db
        .insert(efforts)
        .values({ workspaceId, channel: 'events', title: 'Mixer', date: '2026-01-10', createdBy: authorId })
        .returning({ id: efforts.id });
      await handle.db.insert(timeEntries).values({ workspaceId, effortId: effort.id, date: '2026-01-10', hours: 2 });
      const [contact] = await handle.db.insert(contacts).values({ workspaceId, name: 'Zoe' }).returning({ id: contacts.id });
      await handle.db.insert(effortContacts).values({ workspaceId, effortId: effort.id, contactId: contact.id });
      await handle.db.insert(interactions).values({ workspaceId, contactId: contact.id, date: '2026-01-12', kind: 'email', direction: 'inbound' });
      await handle.db.insert(opportunities).values({ workspaceId, title: 'Gig', kind: 'gig', contactId: contact.id, openedOn: '2026-01-15' });
      await handle.db.insert(linkedinChecklists).values({ workspaceId, summary: true });
      await handle.db.insert(comments).values({ workspaceId, authorId, entity: 'effort', entityId: effort.id, body: 'Nice' });
      await handle.db.insert(activityLog).values({ workspaceId, userId: authorId, action: 'effort.create' });
    }
    await records(dana.workspaceId, dana.id);
    await records(sharedWs.id, cal.id);
    await records(beaWs.id, bea.id);
    await records(coWs.id, bea.id);

    // Dana's traces in Bea's workspace, where Dana is a coach.
    const [danaComment] = await handle.db
      .insert(comments)
      .values({ workspaceId: beaWs.id, authorId: dana.id, entity: 'dashboard', body: 'Keep going' })
      .returning({ id: comments.id });
    await handle.db.insert(coachNotes).values({ workspaceId: beaWs.id, authorId: dana.id, body: 'Private note' });
    await handle.db.insert(activityLog).values({ workspaceId: beaWs.id, userId: dana.id, action: 'comment.create' });
    await handle.db.insert(invitations).values([
      { workspaceId: dana.workspaceId, email: 'friend@example.com', role: 'viewer', tokenHash: hashToken('a'.repeat(43)), invitedBy: dana.id, expiresAt: later(86_400_000) },
      { workspaceId: beaWs.id, email: 'friend2@example.com', role: 'viewer', tokenHash: hashToken('b'.repeat(43)), invitedBy: dana.id, expiresAt: later(86_400_000) },
    ]);

    // Dana's account-level rows, and Bea's, which must stay.
    for (const userId of [dana.id, bea.id]) {
      await createUserSession(userId, 'ua');
      await createEmailToken(userId, 'verify_email', userId === dana.id ? 'dana@example.com' : 'bea@example.com');
    }
    await createUserSession(dana.id, 'ua 2');
    await handle.db.insert(throttles).values([
      { key: throttleKey.signInAccount('dana@example.com'), failures: 2 },
      { key: throttleKey.resendAccountDay(dana.id), failures: 1 },
      { key: throttleKey.signInAccount('bea@example.com'), failures: 2 },
    ]);
    await handle.db.insert(mailOutbox).values([
      { to: 'dana@example.com', subject: 'Hello', text: 'x' },
      { to: 'bea@example.com', subject: 'Hello', text: 'x' },
    ]);
    return { dana, bea, cal, beaWs, sharedWs, coWs, danaComment };
  }

  it('shows what would go, what needs a decision and what is only left, with counts', async () => {
    const { dana, sharedWs, coWs, beaWs } = await seedWorld();
    const plan = await getDeletionPlan(dana.id);
    expect(plan.deleted).toEqual([
      expect.objectContaining({ id: dana.workspaceId, efforts: 1, contacts: 1, opportunities: 1, otherMembers: 0 }),
    ]);
    expect(plan.shared).toEqual([expect.objectContaining({ id: sharedWs.id, name: 'Dana and Cal', otherMembers: 1, efforts: 1 })]);
    expect(plan.left.map((w) => w.id).sort()).toEqual([beaWs.id, coWs.id].sort());

    // Refused without the decision, and with a wrong password; nothing changes.
    const before = await countAll();
    expect(await deleteAccount(dana.id, { password: 'dana pass phrase', deleteSharedWorkspaces: false }, nextIp())).toEqual({
      ok: false,
      reason: 'shared_workspaces',
      workspaces: [{ id: sharedWs.id, name: 'Dana and Cal' }],
    });
    expect(await deleteAccount(dana.id, { password: 'wrong phrase', deleteSharedWorkspaces: true }, nextIp())).toMatchObject({
      ok: false,
      reason: 'wrong_password',
    });
    const afterRefusals = await countAll();
    // The wrong password counts as one sign-in failure for the address it came from; nothing else moves.
    expect({ ...afterRefusals, throttles: before.throttles }).toEqual(before);
  });

  it('removes exactly the account and its data, table by table', async () => {
    await handle.db.delete(users);
    await handle.db.delete(workspaces);
    await handle.db.delete(throttles);
    await handle.db.delete(mailOutbox);
    const { dana, bea, cal, beaWs, coWs, sharedWs, danaComment } = await seedWorld();
    const deleteIp = nextIp();
    const before = await countAll();
    // Any other table (rollups kept by triggers, per-user settings) must lose exactly the rows tied
    // to Dana or to the deleted workspaces, and nothing else.
    const tied: Record<string, number> = {};
    for (const table of allTables) {
      const name = getTableName(table);
      if (DIRECT_TABLES.has(name)) continue;
      const columns = getTableColumns(table) as Record<string, PgColumn | undefined>;
      const conditions = [
        columns.workspaceId ? inArray(columns.workspaceId, [dana.workspaceId, sharedWs.id]) : undefined,
        columns.userId ? eq(columns.userId, dana.id) : undefined,
      ].filter((c) => c !== undefined);
      if (conditions.length === 0) {
        tied[name] = 0;
        continue;
      }
      const [row] = await handle.db.select({ n: count() }).from(table).where(or(...conditions));
      tied[name] = Number(row.n);
    }

    expect(await deleteAccount(dana.id, { password: 'dana pass phrase', deleteSharedWorkspaces: true }, deleteIp)).toEqual({ ok: true });
    const after = await countAll();

    const expectedLoss: Record<string, number> = {
      users: 1,
      workspaces: 2, // Dana's own and the one shared with Cal
      memberships: 5, // Dana's four, and Cal's in the deleted shared workspace
      activity_log: 2, // one per deleted workspace; Dana's entry in Bea's stays, anonymous
      throttles: 2,
      efforts: 2,
      time_entries: 2,
      contacts: 2,
      effort_contacts: 2,
      interactions: 2,
      opportunities: 2,
      linkedin_checklists: 2,
      user_sessions: 2,
      email_tokens: 1,
      invitations: 1, // the one in Dana's workspace; Bea's stays with no inviter
      comments: 2, // one per deleted workspace; Dana's comment in Bea's stays, anonymous
      coach_notes: 1,
      mail_outbox: 1,
      ...tied,
    };
    // Every table in the schema is accounted for, so a new table cannot be forgotten here.
    expect(Object.keys(expectedLoss).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      expect({ table: name, lost: before[name] - after[name] }).toEqual({ table: name, lost: expectedLoss[name] });
    }

    expect(await handle.db.select().from(users).where(eq(users.id, dana.id))).toHaveLength(0);
    const [kept] = await handle.db.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, danaComment.id));
    expect(kept.authorId).toBeNull();
    const remaining = await handle.db.select({ id: workspaces.id }).from(workspaces);
    expect(remaining.map((w) => w.id).sort()).toEqual([beaWs.id, coWs.id].sort());
    expect((await handle.db.select().from(memberships).where(eq(memberships.userId, cal.id))).length).toBe(0);
    expect((await handle.db.select().from(memberships).where(eq(memberships.userId, bea.id))).length).toBe(2);
    expect(await handle.db.select().from(throttles).where(eq(throttles.key, throttleKey.signInAccount('bea@example.com')))).toHaveLength(1);
    expect(await mailTo('dana@example.com')).toHaveLength(0);
    expect((await authorizeSignIn('dana@example.com', 'dana pass phrase', nextIp())).status).toBe('invalid');
    expect(await handle.db.select().from(emailTokens).where(eq(emailTokens.userId, dana.id))).toHaveLength(0);
    expect(await handle.db.select().from(userSessions).where(eq(userSessions.userId, dana.id))).toHaveLength(0);
  });
});

// -------------------------------------------------------------------------------------------
// The actions as the browser calls them.

/** Asks with a known and an unknown address (after signing up `name` at `email`); both get one answer. */
async function sameAnswerForUnknown<R>(ask: (input: { email: string }) => Promise<R>, name: string, email: string, typed = email): Promise<R> {
  await newUser(name, email);
  const known = await ask({ email: typed });
  const unknown = await ask({ email: email.replace('@', '-nobody@') });
  expect(known).toEqual(unknown);
  return known;
}

describe('actions', () => {
  it('forgot-password gives the same result object for a known and an unknown address', async () => {
    const { requestPasswordResetAction } = await import('@/app/(auth)/forgot-password/actions');
    const known = await sameAnswerForUnknown(requestPasswordResetAction, 'Ivy', 'ivy@example.com', 'Ivy@Example.com');
    expect(known).toEqual({ ok: true, data: { sent: true } });
    await settle();
    expect(await mailTo('ivy@example.com')).toHaveLength(1);
    expect(await mailTo('ivy-nobody@example.com')).toHaveLength(0);
    expect(await requestPasswordResetAction({ email: 'not an address' })).toMatchObject({ ok: false, fieldErrors: { email: expect.any(Array) } });
  });

  it('asking for a new confirmation link gives the same result object for a known and an unknown address', async () => {
    const { requestVerificationAction } = await import('@/app/(auth)/verify-email/actions');
    await sameAnswerForUnknown(requestVerificationAction, 'Gus', 'gus@example.com');
    await settle();
    expect(linkIn((await mailTo('gus@example.com'))[0].text, 'verify-email')).toHaveLength(43);
  });

  it('resetting with a link works once; a bad link is a form error, a weak password a field error', async () => {
    const { resetPasswordAction } = await import('@/app/(auth)/reset-password/actions');
    const una = await newUser('Una', 'una@example.com', 'una old phrase');
    const token = await createEmailToken(una.id, 'reset_password', una.email);
    expect(await resetPasswordAction({ token, password: 'password123' })).toMatchObject({ ok: false, fieldErrors: { password: ['This password is too common; choose another'] } });
    expect(await resetPasswordAction({ token, password: 'una new phrase' })).toEqual({ ok: true, data: { redirectTo: '/signin?notice=reset' } });
    expect(await resetPasswordAction({ token, password: 'una other phrase' })).toMatchObject({ ok: false, formError: expect.stringMatching(/expired or was already used/) });
    expect(await resetPasswordAction({ token: 'short', password: 'una other phrase' })).toMatchObject({ ok: false });
  });

  it('signup with a registered address answers "check your e-mail", signs nobody in and tells the holder', async () => {
    const { signUpAction } = await import('@/app/(auth)/actions');
    const { signIn } = await import('@/lib/auth');
    await newUser('Hal', 'hal@example.com');
    const result = await signUpAction({ name: 'Impostor', email: 'HAL@example.com', password: 'some long phrase' });
    expect(result).toEqual({ ok: true, data: { checkEmail: true } });
    expect(signIn).not.toHaveBeenCalled();
    await settle();
    expect((await mailTo('hal@example.com'))[0].subject).toBe('Someone tried to sign up with your address');
    expect(await handle.db.select().from(users).where(eq(users.name, 'Impostor'))).toHaveLength(0);
  });

  it('account actions refuse a signed-out caller and check the current password', async () => {
    const actions = await import('@/app/account/actions');
    expect(await actions.changeNameAction({ name: 'X' })).toMatchObject({ ok: false, formError: expect.stringMatching(/Sign in again/) });
    const vic = await newUser('Vic', 'vic@example.com', 'vic pass phrase');
    request.user = { id: vic.id, name: vic.name, email: vic.email };
    request.sid = await createUserSession(vic.id, 'here');
    expect(await actions.changeNameAction({ name: '  Victoria  ' })).toEqual({ ok: true, data: { name: 'Victoria' } });
    expect(await actions.changePasswordAction({ currentPassword: 'nope', newPassword: 'vic new phrase' })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ['That is not your current password.'] },
    });
    expect(await actions.changeEmailAction({ newEmail: 'vic2@example.com', currentPassword: 'vic pass phrase' })).toEqual({
      ok: true,
      data: { pendingEmail: 'vic2@example.com' },
    });
    expect(await actions.resendVerificationAction({})).toEqual({ ok: true, data: { status: 'sent' } });
    expect(await actions.resendVerificationAction({})).toMatchObject({ ok: false, formError: expect.stringMatching(/Try again in 1 minute/) });

    // Another person's session id does nothing.
    const other = await newUser('Wes', 'wes@example.com');
    const wesSession = await createUserSession(other.id, 'theirs');
    expect(await actions.signOutSessionAction({ sessionId: wesSession })).toMatchObject({ ok: true });
    expect(await checkUserSession(other.id, wesSession)).toBe(true);
  });
});
