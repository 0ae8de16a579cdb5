import { describe, expect, it } from 'vitest';
import { expiresIn, signLink, verifyLink, type LinkPayload } from './links';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac';
const NOW = new Date('2026-03-10T12:00:00Z');
const USER = '22222222-2222-4222-8222-222222222222';
const WS = '33333333-3333-4333-8333-333333333333';
const done: LinkPayload = { purpose: 'done', userId: USER, workspaceId: WS, itemKey: `c:${USER}:-:-`, exp: expiresIn(NOW, 14) };

describe('reminder links', () => {
  it('round-trips a valid link', () => {
    const token = signLink(done, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: true, payload: done });
  });

  it('refuses expired links', () => {
    const token = signLink({ ...done, exp: Math.floor(NOW.getTime() / 1000) }, SECRET);
    expect(verifyLink(token, SECRET, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLink(signLink(done, SECRET), SECRET, new Date(NOW.getTime() + 15 * 86_400_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses tampered payloads and signatures, and other keys', () => {
    const token = signLink(done, SECRET);
    const [body, sig] = token.split('.');
    const other = Buffer.from(JSON.stringify({ ...done, purpose: 'snooze30' })).toString('base64url');
    expect(verifyLink(`${other}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect(verifyLink(`${body}.${flipped}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink(`${body}.${sig.slice(0, 10)}`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink(token, SECRET + 'x', NOW)).toEqual({ ok: false, reason: 'invalid' });
    for (const junk of ['', '.', 'abc', `${body}.${sig}.x`, 'x'.repeat(2000)]) expect(verifyLink(junk, SECRET, NOW).ok).toBe(false);
  });

  it('is not signed with the bare secret (a key of its own)', async () => {
    const { createHmac } = await import('node:crypto');
    const body = signLink(done, SECRET).split('.')[0];
    const naive = createHmac('sha256', SECRET).update(body).digest('base64url');
    expect(verifyLink(`${body}.${naive}`, SECRET, NOW).ok).toBe(false);
  });

  it('refuses a well-signed payload of the wrong shape', () => {
    const bad = signLink({ purpose: 'unsubscribe', userId: USER, kind: 'hourly', exp: expiresIn(NOW, 1) } as never, SECRET);
    expect(verifyLink(bad, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});
