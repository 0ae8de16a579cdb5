import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { testDatabase } from '@/test/db';
import { signUpOwner, type Owner } from '@/test/people';
import { getMembership, getWorkspace, listMyWorkspaces, updateWorkspaceSettings } from './workspaces';

const handle = testDatabase();
let alice: Owner;
let bob: Owner;

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
});

const settings = { name: 'Renamed', targetNiche: 'biotech writing', hourlyValue: 60, currency: 'EUR' as const, defaultCadenceDays: 30 };

describe('workspaces', () => {
  it('resolves membership only for members', async () => {
    expect(await getMembership(alice.user.id, alice.workspaceId)).toMatchObject({ role: 'owner' });
    expect(await getMembership(alice.user.id, bob.workspaceId)).toBeNull();
  });

  it('lists only the workspaces a user belongs to, with their role', async () => {
    await handle.db.insert(memberships).values({ workspaceId: bob.workspaceId, userId: alice.user.id, role: 'coach' });
    const list = await listMyWorkspaces(alice.user.id);
    expect(list.map((w) => [w.id, w.role])).toEqual([
      [alice.workspaceId, 'owner'],
      [bob.workspaceId, 'coach'],
    ]);
    expect((await listMyWorkspaces(bob.user.id)).map((w) => w.id)).toEqual([bob.workspaceId]);
  });

  it('lets the owner change settings', async () => {
    const ctx = { userId: alice.user.id, workspaceId: alice.workspaceId, role: 'owner' as const };
    const updated = await updateWorkspaceSettings(ctx, settings);
    expect(updated).toMatchObject({ name: 'Renamed', targetNiche: 'biotech writing', hourlyValue: 60, currency: 'EUR', defaultCadenceDays: 30 });
    expect(await getWorkspace(ctx)).toMatchObject({ name: 'Renamed' });
  });

  it('refuses settings changes from roles without the permission', async () => {
    for (const role of ['editor', 'coach', 'viewer'] as const) {
      const ctx = { userId: alice.user.id, workspaceId: bob.workspaceId, role };
      await expect(updateWorkspaceSettings(ctx, settings)).rejects.toThrow(ForbiddenError);
    }
    const bobCtx = { userId: bob.user.id, workspaceId: bob.workspaceId, role: 'owner' as const };
    expect(await getWorkspace(bobCtx)).toMatchObject({ name: "Bob's workspace" });
  });

  it('changes only the workspace named in the context', async () => {
    const bobCtx = { userId: bob.user.id, workspaceId: bob.workspaceId, role: 'owner' as const };
    await updateWorkspaceSettings(bobCtx, { ...settings, name: 'Bob renamed' });
    const aliceCtx = { userId: alice.user.id, workspaceId: alice.workspaceId, role: 'owner' as const };
    expect(await getWorkspace(aliceCtx)).toMatchObject({ name: 'Renamed' });
  });
});
