// Runs only with TEST_DATABASE_URL: the Neon driver over a local WebSocket proxy, end to end.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db';
import { users } from '@/db/schema';
import { setupTestDatabase } from '@/test/db';
import { authorizeSignIn } from './accounts/sign-in';
import { createUserWithWorkspace } from './users';
import { listMyWorkspaces } from './workspaces';

let handle: DbHandle;
beforeAll(async () => {
  handle = await setupTestDatabase({ driver: 'neon' });
});
afterAll(async () => {
  await handle.close();
});

describe('Neon serverless driver', () => {
  it('migrates, runs a signup transaction and reads it back', async () => {
    expect(handle.driver).toBe('neon');
    const created = await createUserWithWorkspace({ name: 'Nia', email: 'nia@example.com', password: 'neon pass phrase' });
    expect(created).not.toBeNull();
    expect(await authorizeSignIn('nia@example.com', 'neon pass phrase', '203.0.113.9')).toMatchObject({ status: 'ok', user: { name: 'Nia' } });
    expect(await listMyWorkspaces(created!.user.id)).toEqual([
      {
        id: created!.workspaceId,
        name: "Nia's workspace",
        role: 'owner',
        targetNiche: '',
        hourlyValue: null,
        currency: 'USD',
        defaultCadenceDays: 60,
        dataVersion: expect.any(Number),
      },
    ]);
  });

  it('rolls a failed transaction back', async () => {
    const [nia] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'nia@example.com'));
    const before = await listMyWorkspaces(nia.id);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute('select 1');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(before).toHaveLength(1);
  });
});
