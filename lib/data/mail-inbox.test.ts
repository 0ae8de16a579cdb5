import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postMailgun } from '@/app/api/inbound/mailgun/route';
import { POST as postRaw } from '@/app/api/inbound/mail/route';
import { channelDays, contacts, interactions } from '@/db/schema';
import { parseInboundMail } from '@/lib/import/mail';
import { ForbiddenError } from '@/lib/permissions';
import { contactSchema } from '@/lib/schemas/contact';
import { isFailure } from '@/lib/result';
import { testDatabase } from '@/test/db';
import { createContact } from './contacts';
import type { WorkspaceCtx } from './context';
import { listInteractions } from './interactions';
import { acceptMailReview, dismissMailReview, listMailReview, rotateMailInbox } from './mail-inbox';
import { createUserWithWorkspace } from './users';

const SECRET = 'raw-inbound-secret-of-at-least-32-chars';
const MAILGUN_KEY = 'key-mailgun-signing-test-1234';
process.env.INBOUND_MAIL_DOMAIN = 'in.groundwork.test';
process.env.INBOUND_MAIL_SECRET = SECRET;
process.env.MAILGUN_WEBHOOK_SIGNING_KEY = MAILGUN_KEY;

const handle = testDatabase();
let ana: WorkspaceCtx;
let ben: WorkspaceCtx;
let jose: string;
let anaToken: string;
const FORWARDED = readFileSync(path.join(__dirname, '../../e2e/fixtures/forwarded.eml'), 'utf8');
const MAILGUN = JSON.parse(readFileSync(path.join(__dirname, '../../e2e/fixtures/mailgun-forward.json'), 'utf8')) as Record<string, string>;

const forwardedTo = (token: string) => FORWARDED.replaceAll('ws-INBOX@', `ws-${token}@`);
const raw = (body: string, { secret = SECRET, to = [] as string[] } = {}) =>
  postRaw(
    new Request(`http://localhost/api/inbound/mail${to.length ? `?${to.map((t) => `to=${encodeURIComponent(t)}`).join('&')}` : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
      body,
    }),
  );

beforeAll(async () => {
  const a = (await createUserWithWorkspace({ name: 'Ana Lima', email: 'ana@example.com', password: 'ana pass phrase 1' }))!;
  const b = (await createUserWithWorkspace({ name: 'Ben Ode', email: 'ben@example.com', password: 'ben pass phrase 1' }))!;
  ana = { userId: a.user.id, workspaceId: a.workspaceId, role: 'owner' };
  ben = { userId: b.user.id, workspaceId: b.workspaceId, role: 'owner' };
  const made = await createContact(
    ana,
    contactSchema.parse({ name: 'José García', email: 'jose@example.com', phone: '', company: '', role: '', linkedinUrl: '', notes: '', channel: 'organizations', metOn: '2026-01-16' }),
  );
  if (isFailure(made)) throw new Error(made.formError);
  jose = made.id;
  anaToken = await rotateMailInbox(ana);
});

describe('parseInboundMail', () => {
  it('keeps sender, recipients, date, subject and the first lines of a Gmail forward; no HTML, no attachment', async () => {
    const r = await parseInboundMail(forwardedTo('0'.repeat(32)));
    if (!r.ok) throw new Error(r.error);
    expect(r.message).toMatchObject({
      messageId: 'CAF=ana-fwd-7QmZ3x@mail.gmail.com',
      from: { email: 'ana@example.com', name: 'Ana Lima' },
      date: '2026-02-10',
      subject: 'Fwd: Lektorat for a biotech title?',
      forwarded: { from: { email: 'jose@example.com', name: 'José García' }, date: '2026-02-09', subject: 'Lektorat for a biotech title?' },
    });
    expect(r.message.deliveredTo).toContain(`ws-${'0'.repeat(32)}@in.groundwork.test`);
    expect(r.message.excerpt).toBe(
      "Hi Ana,\nwe met at the writers' club in January. Our Lektorat needs someone for a\nbiotech title this spring — would you be interested?\nBest,\nJosé",
    );
    expect(JSON.stringify(r.message)).not.toMatch(/tracker|Exposé|JVBER/);
  });

  it('refuses what is not a message', async () => {
    expect(await parseInboundMail('')).toEqual({ ok: false, error: 'The message is empty.' });
    expect(await parseInboundMail('Subject: hello\r\n\r\nno sender here')).toEqual({ ok: false, error: 'The message has no sender address.' });
  });
});

describe('the raw inbound route', () => {
  it('a forwarded message from a contact goes into their timeline as "they reached out", once', async () => {
    const first = await raw(forwardedTo(anaToken));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, recorded: 1, review: 0, duplicate: false });
    const timeline = await listInteractions(ana, jose);
    expect(timeline.map((i) => [i.date, i.kind, i.direction])).toEqual([['2026-02-09', 'email', 'inbound']]);
    expect(timeline[0].notes).toMatch(/^E-mail: Lektorat for a biotech title\?\nHi Ana,/);
    const [c] = await handle.db.select({ remembered: contacts.remembered }).from(contacts).where(eq(contacts.id, jose));
    expect(c.remembered).toBe(true);
    const [rollup] = await handle.db
      .select({ n: sql<number>`sum(${channelDays.contactsRemembered})`.mapWith(Number) })
      .from(channelDays)
      .where(and(eq(channelDays.workspaceId, ana.workspaceId), eq(channelDays.channel, 'organizations')));
    expect(rollup.n).toBe(1);

    const again = await raw(forwardedTo(anaToken));
    expect(await again.json()).toEqual({ ok: true, recorded: 0, review: 0, duplicate: true });
    expect(await listInteractions(ana, jose)).toHaveLength(1);
  });

  it('refuses a wrong secret, an unknown address, an oversized or unreadable message, and writes nothing', async () => {
    expect((await raw(forwardedTo(anaToken), { secret: 'x'.repeat(40) })).status).toBe(401);
    expect((await raw(forwardedTo('f'.repeat(32)))).status).toBe(404);
    const huge = forwardedTo(anaToken).replace('Hi Ana,', `Hi Ana,${'x'.repeat(11 * 1024 * 1024)}`);
    expect((await raw(huge)).status).toBe(413);
    expect((await raw(`To: ws-${anaToken}@in.groundwork.test\r\nSubject: no sender\r\n\r\nhello`)).status).toBe(422);
    expect(await listInteractions(ana, jose)).toHaveLength(1);
  });

  it('a Bcc of mail you sent to someone new waits for the owner, who adds them; a coach never sees it', async () => {
    const bcc = [
      'From: Ana Lima <ana@example.com>',
      'To: Mara Quist <mara@quist.example>',
      'Date: Wed, 11 Feb 2026 10:00:00 +0100',
      'Message-ID: <bcc-1@example.com>',
      'Subject: Thanks for the chat',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mara, thank you for the time today.',
    ].join('\r\n');
    const res = await raw(bcc, { to: [`ws-${anaToken}@in.groundwork.test`] });
    expect(await res.json()).toEqual({ ok: true, recorded: 0, review: 1, duplicate: false });
    await expect(listMailReview({ ...ana, role: 'coach' })).rejects.toThrow(ForbiddenError);
    await expect(listMailReview({ ...ana, role: 'editor' })).rejects.toThrow(ForbiddenError);
    const [item] = await listMailReview(ana);
    expect(item).toMatchObject({ date: '2026-02-11', direction: 'outbound', name: 'Mara Quist', email: 'mara@quist.example', subject: 'Thanks for the chat' });
    expect(await acceptMailReview({ ...ana, role: 'coach' }, item.id).catch((e) => e)).toBeInstanceOf(ForbiddenError);
    const accepted = await acceptMailReview(ana, item.id);
    if (!accepted.ok) throw new Error(accepted.formError);
    expect((await listInteractions(ana, accepted.data.contactId)).map((i) => [i.date, i.kind, i.direction])).toEqual([['2026-02-11', 'email', 'outbound']]);
    expect(await listMailReview(ana)).toEqual([]);
    expect(await acceptMailReview(ana, item.id)).toMatchObject({ ok: false });
  });

  it('mail to one workspace’s address never writes into another, and a replaced address stops working', async () => {
    const benToken = await rotateMailInbox(ben);
    const stranger = `From: José García <jose@example.com>\r\nTo: ws-${benToken}@in.groundwork.test\r\nMessage-ID: <to-ben@example.com>\r\nDate: Thu, 12 Feb 2026 10:00:00 +0100\r\nSubject: Hello Ben\r\n\r\nHi`;
    expect(await (await raw(stranger)).json()).toEqual({ ok: true, recorded: 0, review: 1, duplicate: false });
    expect(await listInteractions(ana, jose)).toHaveLength(1);
    expect((await listMailReview(ben)).map((r) => r.subject)).toEqual(['Hello Ben']);
    expect(await listMailReview(ana)).toEqual([]);
    const [dismissed] = await listMailReview(ben);
    expect(await dismissMailReview(ana, dismissed.id)).toMatchObject({ ok: false });
    expect(await dismissMailReview(ben, dismissed.id)).toMatchObject({ ok: true });

    const newToken = await rotateMailInbox(ben);
    expect((await raw(stranger.replace('<to-ben@', '<to-ben-2@'))).status).toBe(404);
    expect((await raw(stranger.replace(benToken, newToken).replace('<to-ben@', '<to-ben-3@'))).status).toBe(200);
  });
});

describe('the Mailgun route', () => {
  const post = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return postMailgun(new Request('http://localhost/api/inbound/mailgun/mime', { method: 'POST', body: form }));
  };
  const signed = (fields: Record<string, string>, timestamp = String(Math.floor(Date.now() / 1000))) => {
    const token = `tok${Math.random().toString(36).slice(2)}${'0'.repeat(40)}`.slice(0, 50);
    return { ...fields, timestamp, token, signature: createHmac('sha256', MAILGUN_KEY).update(timestamp + token).digest('hex') };
  };

  it('takes a signed forward with body-mime and records it like any other message', async () => {
    const fields = { ...MAILGUN, recipient: `ws-${anaToken}@in.groundwork.test`, 'body-mime': MAILGUN['body-mime'].replaceAll('ws-INBOX@', `ws-${anaToken}@`) };
    const res = await post(signed(fields));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, recorded: 1, review: 0, duplicate: false });
    expect((await listInteractions(ana, jose)).map((i) => [i.date, i.direction])).toEqual([
      ['2026-02-13', 'inbound'],
      ['2026-02-09', 'inbound'],
    ]);
  });

  it('refuses a forged or stale signature', async () => {
    const fields = { ...MAILGUN, recipient: `ws-${anaToken}@in.groundwork.test` };
    expect((await post({ ...signed(fields), signature: 'a'.repeat(64) })).status).toBe(401);
    expect((await post(signed(fields, String(Math.floor(Date.now() / 1000) - 3600)))).status).toBe(401);
    const [{ n }] = await handle.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(interactions).where(eq(interactions.contactId, jose));
    expect(n).toBe(2);
  });
});
