import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contacts, efforts, mailOutbox, memberships, opportunities, reminderSends, timeEntries, users } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { expiresIn, signLink } from '@/lib/reminders/links';
import { testDatabase } from '@/test/db';
import { getNotificationPrefs, saveNotificationPrefs } from './notification-prefs';
import { listDueToday, markDueItem } from './reminders/due';
import { applyReminderLink, describeReminderLink } from './reminders/links';
import { runReminders } from './reminders/schedule';
import { createUserWithWorkspace } from './users';

const SECRET = 'reminders-test-secret-0123456789abcdef';
const ORIGIN = 'https://gw.test';
// Tuesday 10 Mar 2026, 08:30 in Kolkata.
const NOW = new Date('2026-03-10T03:00:00Z');
const EVIL = '<script>alert(1)</script>';

const handle = testDatabase();
type Made = { user: { id: string; email: string }; workspaceId: string };
let alice: Made;
let bob: Made;
let carol: Made;
let aliceCold: string;
let bobCold: string;

const run = (now = NOW) => runReminders({ now, origin: ORIGIN, secret: SECRET });
const ctxOf = (m: Made, workspaceId = m.workspaceId, role: 'owner' | 'editor' | 'coach' | 'viewer' = 'owner') => ({
  userId: m.user.id,
  workspaceId,
  role,
});

async function mailsTo(email: string) {
  return handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(mailOutbox.createdAt);
}

/** The nth (0-based) link with that label in a mail's text part. */
function linkFrom(text: string, label: string, nth = 0): string {
  const all = [...text.matchAll(new RegExp(`${label}: ${ORIGIN}/r/(\\S+)`, 'g'))];
  if (!all[nth]) throw new Error(`no "${label}" link in:\n${text}`);
  return all[nth][1];
}

async function verify(userId: string) {
  await handle.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
}

beforeAll(async () => {
  alice = (await createUserWithWorkspace({ name: 'Alice', email: 'alice@example.com', password: 'alice pass phrase' }))!;
  bob = (await createUserWithWorkspace({ name: 'Bob', email: 'bob@example.com', password: 'bob pass phrase!' }))!;
  carol = (await createUserWithWorkspace({ name: 'Carol', email: 'carol@example.com', password: 'carol pass phrase' }))!;
  await verify(alice.user.id);
  await verify(bob.user.id);
  [{ id: aliceCold }] = await handle.db
    .insert(contacts)
    .values({ workspaceId: alice.workspaceId, name: EVIL, company: 'Acme', cadenceDays: 30, lastTouchOn: '2026-01-01' })
    .returning({ id: contacts.id });
  [{ id: bobCold }] = await handle.db
    .insert(contacts)
    .values({ workspaceId: bob.workspaceId, name: 'Bob contact', cadenceDays: 7, lastTouchOn: '2026-01-01' })
    .returning({ id: contacts.id });
  await handle.db.insert(contacts).values({ workspaceId: alice.workspaceId, name: 'Fresh', cadenceDays: 30, lastTouchOn: '2026-03-01' });
  await handle.db.insert(efforts).values({
    workspaceId: alice.workspaceId,
    channel: 'interviews',
    title: 'Coffee with Lee',
    date: '2026-03-02',
    thankYouSent: false,
  });
  await handle.db.insert(opportunities).values({
    workspaceId: alice.workspaceId,
    title: 'Brochure',
    kind: 'gig',
    stage: 'talking',
    openedOn: '2026-01-05',
    updatedAt: new Date('2026-01-20T10:00:00Z'),
  });
  await saveNotificationPrefs(alice.user.id, { dailyEnabled: true, dailyHour: 8, timeZone: 'Asia/Kolkata', weeklyEnabled: false, coachWeeklyEnabled: false });
});

describe('due today (dashboard)', () => {
  it('lists cold contacts, missing thank-yous and stale opportunities of this workspace only', async () => {
    const { today, items } = await listDueToday(ctxOf(alice), { now: NOW });
    expect(today).toBe('2026-03-10');
    expect(items.map((i) => i.title).sort()).toEqual(['Brochure', 'Coffee with Lee', `${EVIL} (Acme)`].sort());
    expect(items.some((i) => i.recordId === bobCold)).toBe(false);
  });

  it('is refused to roles that cannot write records', async () => {
    await expect(listDueToday(ctxOf(alice, alice.workspaceId, 'coach'), { now: NOW })).rejects.toThrow(ForbiddenError);
    await expect(markDueItem(ctxOf(alice, alice.workspaceId, 'viewer'), { itemKey: `c:${aliceCold}:-:-`, action: 'done' })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('refuses an item of another workspace or a malformed key', async () => {
    const bobItem = (await listDueToday(ctxOf(bob), { now: NOW })).items[0];
    expect(await markDueItem(ctxOf(alice), { itemKey: bobItem.key, action: 'done' }, { now: NOW })).toMatchObject({ ok: false });
    expect(await markDueItem(ctxOf(alice), { itemKey: 'nonsense', action: 'done' }, { now: NOW })).toMatchObject({ ok: false });
    expect((await listDueToday(ctxOf(bob), { now: NOW })).items).toHaveLength(1);
  });

  it('snoozes for the caller only, until the snooze ends', async () => {
    const item = (await listDueToday(ctxOf(bob), { now: NOW })).items[0];
    // As the dashboard's action runs it: inside the action's transaction.
    const marked = await handle.db.transaction((tx) => markDueItem({ ...ctxOf(bob), tx }, { itemKey: item.key, action: 'snooze7' }, { now: NOW }));
    expect(marked).toEqual({ ok: true, data: { until: '2026-03-17' } });
    expect((await listDueToday(ctxOf(bob), { now: NOW })).items).toHaveLength(0);
    expect((await listDueToday(ctxOf(bob), { now: new Date('2026-03-16T12:00:00Z') })).items).toHaveLength(0);
    expect((await listDueToday(ctxOf(bob), { now: new Date('2026-03-17T12:00:00Z') })).items).toHaveLength(1);
    // Alice, an editor there too, still sees it.
    await handle.db.insert(memberships).values({ workspaceId: bob.workspaceId, userId: alice.user.id, role: 'editor' });
    expect((await listDueToday(ctxOf(alice, bob.workspaceId, 'editor'), { now: NOW })).items).toHaveLength(1);
    await handle.db.delete(memberships).where(and(eq(memberships.workspaceId, bob.workspaceId), eq(memberships.userId, alice.user.id)));
  });
});

describe('the scheduled run', () => {
  it('sends nothing before the local hour', async () => {
    // 07:59 in Kolkata.
    expect(await run(new Date('2026-03-10T02:29:00Z'))).toMatchObject({ daily: 0 });
    expect(await mailsTo(alice.user.email)).toHaveLength(0);
  });

  it('sends each message once when two runs race', async () => {
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.daily + b.daily).toBe(1);
    const mails = await mailsTo(alice.user.email);
    expect(mails).toHaveLength(1);
    const [claim] = await handle.db.select().from(reminderSends).where(eq(reminderSends.userId, alice.user.id));
    expect(claim).toMatchObject({ kind: 'daily', periodKey: '2026-03-10' });
    expect(claim.sentAt).toBeInstanceOf(Date);
    // Later that day: already sent.
    expect((await run(new Date('2026-03-10T15:00:00Z'))).daily).toBe(0);
    expect(await mailsTo(alice.user.email)).toHaveLength(1);
  });

  it('mails a readable nudge with one-click links and unsubscribe headers, user text escaped', async () => {
    const [mail] = await mailsTo(alice.user.email);
    expect(mail.subject).toBe('3 follow-ups due today');
    expect(mail.text).toContain(`* ${EVIL} (Acme)`);
    expect(mail.text).toContain(`${ORIGIN}/w/${alice.workspaceId}/contacts/${aliceCold}`);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain(EVIL);
    expect(mail.headers?.['List-Unsubscribe']).toMatch(new RegExp(`^<${ORIGIN}/r/[^>]+>$`));
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('sends only to confirmed addresses', async () => {
    await saveNotificationPrefs(carol.user.id, { dailyEnabled: true, dailyHour: 0, timeZone: 'UTC', weeklyEnabled: true, coachWeeklyEnabled: false });
    await handle.db.insert(contacts).values({ workspaceId: carol.workspaceId, name: 'Cold', cadenceDays: 1, lastTouchOn: '2026-01-01' });
    await run();
    expect(await mailsTo(carol.user.email)).toHaveLength(0);
  });

  it('sends nothing when nothing is due', async () => {
    await saveNotificationPrefs(bob.user.id, { dailyEnabled: true, dailyHour: 0, timeZone: 'UTC', weeklyEnabled: false, coachWeeklyEnabled: false });
    // Bob's only item is snoozed until 17 Mar.
    expect((await run()).daily).toBe(0);
    expect(await mailsTo(bob.user.email)).toHaveLength(0);
  });
});

describe('one-click links', () => {
  it('shows what will happen without changing anything, then does it', async () => {
    const [mail] = await mailsTo(alice.user.email);
    const token = linkFrom(mail.text, 'Mark done');
    expect(await describeReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'ready', purpose: 'done', title: EVIL });
    expect(await describeReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'ready' });
    expect((await listDueToday(ctxOf(alice), { now: NOW })).items).toHaveLength(3);
    expect(await applyReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'applied', purpose: 'done', until: null });
    expect(await describeReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'applied' });
    const left = (await listDueToday(ctxOf(alice), { now: NOW })).items;
    expect(left.map((i) => i.title)).not.toContain(`${EVIL} (Acme)`);
    expect(left).toHaveLength(2);
  });

  it('snoozes 30 days from the link', async () => {
    const [mail] = await mailsTo(alice.user.email);
    // The second item: the first (the contact) is done already.
    const token = linkFrom(mail.text, 'Snooze 30 days', 1);
    expect(await applyReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'applied', until: '2026-04-09' });
    expect((await listDueToday(ctxOf(alice), { now: NOW })).items).toHaveLength(1);
  });

  it('refuses expired and tampered links, changing nothing', async () => {
    const [mail] = await mailsTo(alice.user.email);
    const token = linkFrom(mail.text, 'Snooze 7 days', 2);
    const later = new Date(NOW.getTime() + 15 * 86_400_000);
    expect(await applyReminderLink(token, later, SECRET)).toEqual({ status: 'expired' });
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), userId: bob.user.id })).toString('base64url');
    expect(await applyReminderLink(`${forged}.${sig}`, NOW, SECRET)).toEqual({ status: 'invalid' });
    // One character of the signature changed (never to itself, or the link would still be valid).
    const tampered = `${sig[0] === 'x' ? 'y' : 'x'}${sig.slice(1)}`;
    expect(await describeReminderLink(`${body}.${tampered}`, NOW, SECRET)).toEqual({ status: 'invalid' });
    expect((await listDueToday(ctxOf(alice), { now: NOW })).items).toHaveLength(1);
  });

  it("does nothing with another user's item or after the member was removed or demoted", async () => {
    const exp = expiresIn(NOW, 14);
    const item = (await listDueToday(ctxOf(alice), { now: NOW })).items[0];
    // Bob is no member of Alice's workspace: a correctly signed link for him is still refused.
    const bobs = signLink({ purpose: 'done', userId: bob.user.id, workspaceId: alice.workspaceId, itemKey: item.key, exp }, SECRET);
    expect(await applyReminderLink(bobs, NOW, SECRET)).toEqual({ status: 'gone' });
    // An item key of one workspace presented with another workspace is refused too.
    const crossed = signLink({ purpose: 'done', userId: bob.user.id, workspaceId: bob.workspaceId, itemKey: item.key, exp }, SECRET);
    expect(await applyReminderLink(crossed, NOW, SECRET)).toEqual({ status: 'gone' });

    await handle.db.insert(memberships).values({ workspaceId: alice.workspaceId, userId: carol.user.id, role: 'editor' });
    const carols = signLink({ purpose: 'snooze7', userId: carol.user.id, workspaceId: alice.workspaceId, itemKey: item.key, exp }, SECRET);
    expect(await describeReminderLink(carols, NOW, SECRET)).toMatchObject({ status: 'ready' });
    await handle.db.update(memberships).set({ role: 'viewer' }).where(and(eq(memberships.workspaceId, alice.workspaceId), eq(memberships.userId, carol.user.id)));
    expect(await applyReminderLink(carols, NOW, SECRET)).toEqual({ status: 'gone' });
    await handle.db.delete(memberships).where(and(eq(memberships.workspaceId, alice.workspaceId), eq(memberships.userId, carol.user.id)));
    expect(await applyReminderLink(carols, NOW, SECRET)).toEqual({ status: 'gone' });
    // Alice still has the item.
    expect((await listDueToday(ctxOf(alice), { now: NOW })).items).toHaveLength(1);
  });

  it('unsubscribes in one click, after which that kind stops', async () => {
    const [mail] = await mailsTo(alice.user.email);
    const token = /^<https:\/\/gw\.test\/r\/(.+)>$/.exec(mail.headers!['List-Unsubscribe'])![1];
    expect(linkFrom(mail.text, 'Stop the daily e-mail')).toBe(token);
    expect(await describeReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'ready', purpose: 'unsubscribe' });
    expect(await applyReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'applied', kind: 'daily' });
    expect(await getNotificationPrefs(alice.user.id)).toMatchObject({ dailyEnabled: false });
    expect(await applyReminderLink(token, NOW, SECRET)).toMatchObject({ status: 'applied' });
    expect((await run(new Date('2026-03-11T03:00:00Z'))).daily).toBe(0);
  });
});

describe('weekly digests', () => {
  // Monday 16 Mar 2026, 09:00 UTC; the week reported is 9–15 Mar.
  const MONDAY = new Date('2026-03-16T09:00:00Z');

  it('sends the weekly digest on Monday with hours against the usual, once per week', async () => {
    await saveNotificationPrefs(bob.user.id, { dailyEnabled: false, dailyHour: 8, timeZone: 'UTC', weeklyEnabled: true, coachWeeklyEnabled: false });
    const [e] = await handle.db
      .insert(efforts)
      .values({ workspaceId: bob.workspaceId, channel: 'volunteering', title: 'Helped a café', date: '2026-03-10' })
      .returning({ id: efforts.id });
    await handle.db.insert(timeEntries).values({ workspaceId: bob.workspaceId, effortId: e.id, date: '2026-03-10', hours: 3 });
    await handle.db.insert(timeEntries).values({ workspaceId: bob.workspaceId, effortId: e.id, date: '2026-02-20', hours: 4 });
    await handle.db.insert(opportunities).values({ workspaceId: bob.workspaceId, title: 'Café website', kind: 'client', openedOn: '2026-03-12' });

    expect((await run(new Date('2026-03-15T09:00:00Z'))).weekly).toBe(0); // Sunday
    const [a, b] = await Promise.all([run(MONDAY), run(MONDAY)]);
    expect(a.weekly + b.weekly).toBe(1);
    const mails = await mailsTo(bob.user.email);
    expect(mails).toHaveLength(1);
    const text = mails[0].text;
    expect(mails[0].subject).toBe('Your networking week: 9 Mar 2026 – 15 Mar 2026');
    expect(text).toContain('Hours this week: 3 h');
    expect(text).toContain('- Volunteering & favors: 3 h (usual 1 h; 2 h more than usual)');
    expect(text).toContain('New opportunities: 1 (Café website)');
    expect(text).toContain('Going cold: 1 (Bob contact)');
    expect(text).toMatch(/Best channel \(last 12 months\): Volunteering & favors, (grade [A-F]|too early to grade)/);
    expect(mails[0].headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect((await run(new Date('2026-03-16T20:00:00Z'))).weekly).toBe(0);
  });

  it('sends coaches a brief of each client', async () => {
    await handle.db.insert(memberships).values({ workspaceId: bob.workspaceId, userId: alice.user.id, role: 'coach' });
    await handle.db.insert(opportunities).values({
      workspaceId: bob.workspaceId,
      title: 'Won one',
      kind: 'gig',
      stage: 'won',
      openedOn: '2026-02-01',
      closedOn: '2026-03-11',
    });
    await saveNotificationPrefs(alice.user.id, { dailyEnabled: false, dailyHour: 8, timeZone: 'Asia/Kolkata', weeklyEnabled: false, coachWeeklyEnabled: true });
    const before = (await mailsTo(alice.user.email)).length;
    expect((await run(MONDAY)).coachWeekly).toBe(1);
    const mails = await mailsTo(alice.user.email);
    expect(mails).toHaveLength(before + 1);
    const digest = mails.at(-1)!;
    expect(digest.subject).toBe("Your clients' week: 9 Mar 2026 – 15 Mar 2026");
    expect(digest.text).toContain("* Bob's workspace\n  3 h logged, 1 opportunity won, 1 contact going cold");
    expect(digest.text).not.toContain("Alice's workspace");
    const [{ n }] = await handle.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(reminderSends)
      .where(and(eq(reminderSends.userId, alice.user.id), eq(reminderSends.kind, 'coach_weekly')));
    expect(n).toBe(1);
  });
});
