import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberships, users, workspaces } from '@/db/schema';
import { testDatabase } from '@/test/db';
import { authorizeSignIn } from './accounts/sign-in';
import { revokeAllUserSessions } from './sessions';
import { createUserWithWorkspace, getSessionUser } from './users';

const IP = '203.0.113.7';

const handle = testDatabase();

describe('accounts', () => {
  it('creates the user and an owned personal workspace together', async () => {
    const created = await createUserWithWorkspace({ name: 'Maya Ortiz', email: 'maya@example.com', password: 'a long pass phrase' });
    expect(created).not.toBeNull();
    const rows = await handle.db
      .select({ role: memberships.role, name: workspaces.name })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, created!.user.id));
    expect(rows).toEqual([{ role: 'owner', name: "Maya's workspace" }]);
    expect(created!.user).not.toHaveProperty('passwordHash');
  });

  it('refuses a second account with the same email and writes nothing', async () => {
    const before = await handle.db.select().from(workspaces);
    const again = await createUserWithWorkspace({ name: 'Other', email: 'maya@example.com', password: 'another pass phrase' });
    expect(again).toBeNull();
    expect(await handle.db.select().from(workspaces)).toHaveLength(before.length);
  });

  it('verifies credentials with the email in any case', async () => {
    expect(await authorizeSignIn('MAYA@example.com', 'a long pass phrase', IP)).toMatchObject({ status: 'ok', user: { name: 'Maya Ortiz' } });
    expect(await authorizeSignIn('maya@example.com', 'wrong pass phrase', IP)).toEqual({ status: 'invalid' });
    expect(await authorizeSignIn('nobody@example.com', 'a long pass phrase', IP)).toEqual({ status: 'invalid' });
  });

  it('never returns the password hash', async () => {
    const outcome = await authorizeSignIn('maya@example.com', 'a long pass phrase', IP);
    expect(outcome.status).toBe('ok');
    expect(JSON.stringify(outcome)).not.toContain('scrypt');
  });

  it('refuses sessions issued before a revocation', async () => {
    const { user } = (await createUserWithWorkspace({ name: 'Rev', email: 'rev@example.com', password: 'a long pass phrase' }))!;
    const issued = Date.now();
    expect(await getSessionUser(user.id, issued)).toMatchObject({ id: user.id });
    await new Promise((r) => setTimeout(r, 1100));
    await revokeAllUserSessions(user.id);
    expect(await getSessionUser(user.id, issued)).toBeNull();
    expect(await getSessionUser(user.id, Date.now())).toMatchObject({ id: user.id });
  });

  it('treats a deleted user as signed out', async () => {
    const created = await createUserWithWorkspace({ name: 'Temp', email: 'temp@example.com', password: 'a long pass phrase' });
    await handle.db.delete(users).where(eq(users.id, created!.user.id));
    expect(await getSessionUser(created!.user.id, Date.now())).toBeNull();
  });
});
