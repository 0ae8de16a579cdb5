import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { userSessions } from '@/db/schema';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { checkUserSession } from '@/test/sessions';
import {
  createUserSession,
  listUserSessions,
  pruneUserSessions,
  revokeAllUserSessions,
  revokeUserSession,
  SESSION_IDLE_MS,
} from './sessions';
import { getSessionUser } from './users';

const handle = testDatabase();
let userId: string;
let otherId: string;
beforeAll(async () => {
  userId = (await signUpOwner('Sid')).userId;
  otherId = (await signUpOwner('Oth')).userId;
});

describe('device sessions', () => {
  it('a new session is live and listed with its browser', async () => {
    const sid = await createUserSession(userId, 'Mozilla/5.0 (Linux; Android 14; Pixel 7)');
    expect(await checkUserSession(userId, sid)).toBe(true);
    expect(await getSessionUser(userId, Date.now(), sid)).toMatchObject({ id: userId });
    const list = await listUserSessions(userId);
    expect(list.map((s) => s.id)).toContain(sid);
    expect(list.find((s) => s.id === sid)!.userAgent).toContain('Pixel 7');
  });

  it('signing out ends that session only', async () => {
    const a = await createUserSession(userId, 'A');
    const b = await createUserSession(userId, 'B');
    await revokeUserSession(userId, a);
    expect(await checkUserSession(userId, a)).toBe(false);
    expect(await getSessionUser(userId, Date.now(), a)).toBeNull();
    expect(await checkUserSession(userId, b)).toBe(true);
  });

  it("a session id of another user is not accepted, nor revoked by them", async () => {
    const mine = await createUserSession(userId, 'mine');
    expect(await checkUserSession(otherId, mine)).toBe(false);
    await revokeUserSession(otherId, mine);
    expect(await checkUserSession(userId, mine)).toBe(true);
  });

  it('a session idle for longer than the idle lifetime ends', async () => {
    const sid = await createUserSession(userId, 'idle');
    await handle.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000) }).where(eq(userSessions.id, sid));
    expect(await checkUserSession(userId, sid)).toBe(false);
  });

  it('the scheduled clean-up deletes sessions idle past the lifetime and keeps live ones', async () => {
    const idle = await createUserSession(userId, 'long idle');
    const live = await createUserSession(userId, 'in use');
    await handle.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000) }).where(eq(userSessions.id, idle));
    await pruneUserSessions(new Date(Date.now() - SESSION_IDLE_MS));
    const left = (await handle.db.select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
    expect(left).not.toContain(idle);
    expect(left).toContain(live);
    expect(await checkUserSession(userId, live)).toBe(true);
  });

  it('sign out everywhere else keeps the current device only', async () => {
    const here = await createUserSession(userId, 'here');
    const there = await createUserSession(userId, 'there');
    await revokeAllUserSessions(userId, here);
    expect(await checkUserSession(userId, here)).toBe(true);
    expect(await checkUserSession(userId, there)).toBe(false);
    expect((await listUserSessions(userId)).map((s) => s.id)).toEqual([here]);
  });
});
