import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { idempotencyKeys, throttles, userSessions } from '@/db/schema';
import { createUserSession, SESSION_IDLE_MS } from '@/lib/data/sessions';
import { THROTTLE_MEMORY_MS } from '@/lib/data/throttle';
import { createUserWithWorkspace } from '@/lib/data/users';
import { testDatabase } from '@/test/db';

// The upkeep reuses lib/action.ts, whose sign-in plumbing a scheduled run never touches.
vi.mock('@/lib/session', () => ({ getCurrentUser: async () => null, getSessionClaims: async () => null, requireUser: async () => null }));
const { runScheduled } = await import('@/lib/scheduled-run');

const handle = testDatabase();

describe('the scheduled run', () => {
  it('prunes spent submission keys, stale rate-limit counters and idle device sessions, and keeps what still counts', async () => {
    const at = new Date();
    const longAgo = (ms: number) => new Date(at.getTime() - ms - 60_000);
    const user = (await createUserWithWorkspace({ name: 'Sam', email: 'sam-scheduled@example.com', password: 'sam pass phrase' }))!.user;
    await handle.db.insert(idempotencyKeys).values([
      { key: `${user.id}:${randomUUID()}`, userId: user.id, createdAt: longAgo(25 * 60 * 60 * 1000) },
      { key: `${user.id}:fresh`, userId: user.id },
    ]);
    await handle.db.insert(throttles).values([
      { key: 'scheduled:stale', failures: 1, updatedAt: longAgo(THROTTLE_MEMORY_MS) },
      { key: 'scheduled:locked', failures: 9, updatedAt: longAgo(THROTTLE_MEMORY_MS), lockedUntil: new Date(at.getTime() + 60_000) },
      { key: 'scheduled:recent', failures: 1 },
    ]);
    const idle = await createUserSession(user.id, 'idle');
    const live = await createUserSession(user.id, 'in use');
    await handle.db.update(userSessions).set({ lastSeenAt: longAgo(SESSION_IDLE_MS) }).where(eq(userSessions.id, idle));

    const run = await runScheduled({ origin: 'https://gw.test', secret: 'scheduled-test-secret' }, { at });

    expect(run.prunedSubmissionKeys).toBe(1);
    expect((await handle.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((r) => r.key)).toEqual([`${user.id}:fresh`]);
    const counters = (await handle.db.select({ key: throttles.key }).from(throttles)).map((r) => r.key).sort();
    expect(counters).toEqual(['scheduled:locked', 'scheduled:recent']);
    const sessions = (await handle.db.select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
    expect(sessions).toContain(live);
    expect(sessions).not.toContain(idle);
    expect(run.sent).toEqual({ daily: 0, weekly: 0, coachWeekly: 0, failed: 0 });
  });
});
