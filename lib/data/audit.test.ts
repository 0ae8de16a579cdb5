import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityLog, users } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { testDatabase } from '@/test/db';
import { addMember, signUpOwner } from '@/test/people';
import { listActivity, parseActivityCursor } from './audit';

const handle = testDatabase();
type Ctx = { userId: string; workspaceId: string; role: 'owner' | 'editor' | 'coach' | 'viewer' };
let alice: Ctx;
let bob: Ctx;

beforeAll(async () => {
  alice = await signUpOwner('Alice Audit');
  bob = await signUpOwner('Bob Audit');
  await addMember(handle, alice.workspaceId, bob.userId, 'editor');
  // 120 entries, several sharing one instant, so pages must break ties by id.
  const base = Date.parse('2026-03-01T09:00:00.000Z');
  const rows = Array.from({ length: 120 }, (_, i) => ({
    workspaceId: alice.workspaceId,
    userId: i % 2 ? bob.userId : alice.userId,
    action: i % 3 ? 'effort.create' : 'contact.update',
    entity: i % 3 ? 'effort' : 'contact',
    entityId: null,
    at: new Date(base + Math.floor(i / 4) * 60_000),
  }));
  await handle.db.insert(activityLog).values(rows);
  // Microsecond-apart entries, which a millisecond cursor would lose.
  await handle.db.execute(
    sql`insert into activity_log (workspace_id, user_id, action, entity, at) values
      (${alice.workspaceId}, ${alice.userId}, 'opportunity.create', 'opportunity', '2026-02-01T00:00:00.000001Z'),
      (${alice.workspaceId}, ${alice.userId}, 'opportunity.create', 'opportunity', '2026-02-01T00:00:00.000002Z'),
      (${alice.workspaceId}, ${alice.userId}, 'opportunity.create', 'opportunity', '2026-02-01T00:00:00.000003Z')`,
  );
  await handle.db.insert(activityLog).values({ workspaceId: bob.workspaceId, userId: bob.userId, action: 'effort.create', entity: 'effort' });
});

describe('listActivity', () => {
  it('pages through every entry of the workspace exactly once, newest first, with who did it', async () => {
    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listActivity(alice, { before: cursor, limit: 25 });
      for (const e of page.items) {
        seen.push(e.id);
        times.push(e.at.getTime());
        expect(['Alice Audit', 'Bob Audit']).toContain(e.actorName);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(123);
    expect(new Set(seen).size).toBe(123);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(pages).toBe(5);
  });

  it("shows only the workspace's own entries", async () => {
    const page = await listActivity(bob, { limit: 200 });
    expect(page.items.map((e) => e.action)).toEqual(['effort.create']);
    expect(page.items[0].actorName).toBe('Bob Audit');
  });

  it('is for owners only', async () => {
    for (const role of ['editor', 'coach', 'viewer'] as const) {
      await expect(listActivity({ ...alice, userId: bob.userId, role })).rejects.toThrow(ForbiddenError);
    }
  });

  it('keeps entries of a deleted account, with no name', async () => {
    const c = await signUpOwner('Cleo Gone', 'cleo-audit@example.com');
    await handle.db.insert(activityLog).values({ workspaceId: alice.workspaceId, userId: c.userId, action: 'contact.delete', entity: 'contact' });
    await handle.db.delete(users).where(sql`${users.id} = ${c.userId}`);
    const page = await listActivity(alice, { limit: 1 });
    expect(page.items[0]).toMatchObject({ action: 'contact.delete', actorName: null });
  });

  it('treats a malformed cursor as the first page instead of failing', async () => {
    const first = await listActivity(alice, { limit: 5 });
    for (const bad of ['x', '2026-13-45T00:00:00.000000Z_3f0e2a9c-7b1d-4c5e-9a8f-1b2c3d4e5f60', "'; drop table users; --", 'a'.repeat(10_000)]) {
      expect(parseActivityCursor(bad)).toBeNull();
      expect((await listActivity(alice, { before: bad, limit: 5 })).items).toEqual(first.items);
    }
  });
});
