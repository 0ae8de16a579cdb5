import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailTokens } from '@/db/schema';
import { testDatabase } from '@/test/db';
import { consumeEmailToken, createEmailToken, hashToken, isTokenShaped, peekEmailToken, pendingEmailChange, TOKEN_TTL_MS } from './email-tokens';
import { createUserWithWorkspace } from './users';

const handle = testDatabase();
let alice: { id: string; email: string };
let bob: { id: string; email: string };

beforeAll(async () => {
  alice = (await createUserWithWorkspace({ name: 'Alice', email: 'alice@example.com', password: 'alice pass phrase' }))!.user;
  bob = (await createUserWithWorkspace({ name: 'Bob', email: 'bob@example.com', password: 'bob pass phrase!' }))!.user;
});

const t0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('email tokens', () => {
  it('issues a 32-byte base64url token and stores only its SHA-256', async () => {
    const token = await createEmailToken(alice.id, 'verify_email', alice.email, { now: t0 });
    expect(isTokenShaped(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await handle.db.select().from(emailTokens).where(eq(emailTokens.userId, alice.id));
    expect(rows.map((r) => r.tokenHash)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.find((r) => r.tokenHash === hashToken(token))!.expiresAt).toEqual(at(TOKEN_TTL_MS.verify_email));
  });

  for (const purpose of ['verify_email', 'reset_password', 'change_email'] as const) {
    describe(purpose, () => {
      it('works once, for its user and address', async () => {
        const token = await createEmailToken(bob.id, purpose, 'bob-new@example.com', { now: t0 });
        expect(await peekEmailToken(token, purpose, { now: at(1000) })).toMatchObject({ userId: bob.id, email: 'bob-new@example.com' });
        expect(await consumeEmailToken(token, purpose, { now: at(1000) })).toMatchObject({ userId: bob.id, email: 'bob-new@example.com' });
        // Reused.
        expect(await consumeEmailToken(token, purpose, { now: at(2000) })).toBeNull();
        expect(await peekEmailToken(token, purpose, { now: at(2000) })).toBeNull();
      });

      it('is refused once expired', async () => {
        const token = await createEmailToken(bob.id, purpose, bob.email, { now: t0 });
        expect(await peekEmailToken(token, purpose, { now: at(TOKEN_TTL_MS[purpose] - 1) })).not.toBeNull();
        expect(await consumeEmailToken(token, purpose, { now: at(TOKEN_TTL_MS[purpose]) })).toBeNull();
        expect(await consumeEmailToken(token, purpose, { now: at(TOKEN_TTL_MS[purpose] - 1) })).not.toBeNull();
      });

      it('is refused when tampered with or used for another purpose', async () => {
        const token = await createEmailToken(bob.id, purpose, bob.email, { now: t0 });
        const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
        for (const bad of [flipped, token.slice(0, -1), `${token}x`, '', 'not a token at all but long enough to be 43']) {
          expect(await consumeEmailToken(bad, purpose, { now: t0 })).toBeNull();
        }
        for (const other of (['verify_email', 'reset_password', 'change_email'] as const).filter((p) => p !== purpose)) {
          expect(await consumeEmailToken(token, other, { now: t0 })).toBeNull();
        }
        // Still usable for its own purpose after all those refusals.
        expect(await consumeEmailToken(token, purpose, { now: t0 })).toMatchObject({ userId: bob.id });
      });
    });
  }

  it('lets only one of two simultaneous uses win', async () => {
    const token = await createEmailToken(alice.id, 'reset_password', alice.email, { now: t0 });
    const results = await Promise.all([consumeEmailToken(token, 'reset_password', { now: t0 }), consumeEmailToken(token, 'reset_password', { now: t0 })]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a new reset or change link supersedes older ones; verification links stay valid', async () => {
    const firstReset = await createEmailToken(alice.id, 'reset_password', alice.email, { now: t0 });
    const secondReset = await createEmailToken(alice.id, 'reset_password', alice.email, { now: at(1000) });
    expect(await peekEmailToken(firstReset, 'reset_password', { now: at(2000) })).toBeNull();
    expect(await peekEmailToken(secondReset, 'reset_password', { now: at(2000) })).not.toBeNull();

    const firstVerify = await createEmailToken(alice.id, 'verify_email', alice.email, { now: t0 });
    await createEmailToken(alice.id, 'verify_email', alice.email, { now: at(1000) });
    expect(await peekEmailToken(firstVerify, 'verify_email', { now: at(2000) })).not.toBeNull();

    // Another user's new link leaves Alice's alone.
    await createEmailToken(bob.id, 'reset_password', bob.email, { now: at(3000) });
    expect(await peekEmailToken(secondReset, 'reset_password', { now: at(4000) })).toMatchObject({ userId: alice.id });
  });

  it('reports the pending e-mail change, newest first, until it is used or expires', async () => {
    const now = new Date();
    expect(await pendingEmailChange(alice.id, { now })).toBeNull();
    await createEmailToken(alice.id, 'change_email', 'alice-old-plan@example.com', { now: new Date(now.getTime() - 2000) });
    const token = await createEmailToken(alice.id, 'change_email', 'alice-new@example.com', { now: new Date(now.getTime() - 1000) });
    expect(await pendingEmailChange(alice.id, { now })).toBe('alice-new@example.com');
    expect(await pendingEmailChange(bob.id, { now })).toBeNull();
    await consumeEmailToken(token, 'change_email', { now });
    expect(await pendingEmailChange(alice.id, { now })).toBeNull();
  });
});
