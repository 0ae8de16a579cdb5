import { describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { testDatabase } from '@/test/db';
import { addMember, addPerson, addTeam, signUpOwner } from '@/test/people';
import type { WorkspaceCtx } from './context';
import { changeMemberRole, LAST_OWNER_MESSAGE, leaveWorkspace, listMembers, NOT_A_MEMBER_MESSAGE, removeMember, transferOwnership } from './members';
import { getMembership } from './workspaces';

const handle = testDatabase();

// Password hashing is slow and irrelevant here, so most people are inserted directly.
const person = (name: string) => addPerson(handle, name);
const team = () => addTeam(handle);

/** Runs a data function in a transaction, as the action wrapper does; refusals roll back. */
async function inTx<T>(ctx: WorkspaceCtx, fn: (ctx: WorkspaceCtx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await handle.db
    .transaction(async (tx) => {
      out = await fn({ ...ctx, tx });
      if ((out as { ok?: boolean }).ok === false) throw new Error('rollback');
    })
    .catch((err) => {
      if ((err as Error).message !== 'rollback') throw err;
    });
  return out as T;
}

const roleOf = async (userId: string, ws: string) => (await getMembership(userId, ws))?.role ?? null;

describe('listing members', () => {
  it('shows owners, editors and coaches everyone with name, e-mail and role, owner first', async () => {
    const t = await team();
    for (const who of ['owner', 'editor', 'coach'] as const) {
      const list = await listMembers(t.ctx(who));
      expect(list.map((m) => [m.name, m.role])).toEqual([
        ['Olivia', 'owner'],
        ['Ed', 'editor'],
        ['Cora', 'coach'],
        ['Vic', 'viewer'],
      ]);
      expect(list[0].email).toBe(t.people.owner.email);
      expect(Object.keys(list[0])).not.toContain('passwordHash');
    }
  });

  it('refuses viewers and never lists members of another workspace', async () => {
    const t = await team();
    const other = await team();
    await expect(listMembers(t.ctx('viewer'))).rejects.toThrow(ForbiddenError);
    const list = await listMembers(t.ctx('owner'));
    expect(list.map((m) => m.userId)).not.toContain(other.people.owner.id);
  });
});

describe('changing roles', () => {
  it('lets the owner change a role, effective on the member’s next request', async () => {
    const t = await team();
    const result = await inTx(t.ctx('owner'), (c) => changeMemberRole(c, { userId: t.people.viewer.id, role: 'editor' }));
    expect(result).toEqual({ id: t.people.viewer.id, role: 'editor' });
    expect(await roleOf(t.people.viewer.id, t.id)).toBe('editor');
  });

  it('refuses editors, coaches and viewers', async () => {
    const t = await team();
    for (const who of ['editor', 'coach', 'viewer'] as const) {
      await expect(changeMemberRole(t.ctx(who), { userId: t.people.viewer.id, role: 'editor' })).rejects.toThrow(ForbiddenError);
      await expect(changeMemberRole(t.ctx(who), { userId: t.people[who].id, role: 'owner' })).rejects.toThrow(ForbiddenError);
    }
    expect(await roleOf(t.people.editor.id, t.id)).toBe('editor');
    expect(await roleOf(t.people.viewer.id, t.id)).toBe('viewer');
  });

  it('never demotes the last owner, but does once a second owner exists', async () => {
    const t = await team();
    const refused = await inTx(t.ctx('owner'), (c) => changeMemberRole(c, { userId: t.people.owner.id, role: 'editor' }));
    expect(refused).toMatchObject({ ok: false, formError: LAST_OWNER_MESSAGE });
    expect(await roleOf(t.people.owner.id, t.id)).toBe('owner');

    await inTx(t.ctx('owner'), (c) => changeMemberRole(c, { userId: t.people.editor.id, role: 'owner' }));
    const demoted = await inTx(t.ctx('owner'), (c) => changeMemberRole(c, { userId: t.people.owner.id, role: 'editor' }));
    expect(demoted).toEqual({ id: t.people.owner.id, role: 'editor' });
    expect(await roleOf(t.people.editor.id, t.id)).toBe('owner');
  });

  it('cannot touch someone of another workspace', async () => {
    const t = await team();
    const other = await team();
    const result = await inTx(t.ctx('owner'), (c) => changeMemberRole(c, { userId: other.people.viewer.id, role: 'editor' }));
    expect(result).toMatchObject({ ok: false, formError: NOT_A_MEMBER_MESSAGE });
    expect(await roleOf(other.people.viewer.id, other.id)).toBe('viewer');
    expect(await roleOf(other.people.viewer.id, t.id)).toBeNull();
  });
});

describe('removing and leaving', () => {
  it('removes a member, whose membership is gone on their very next request', async () => {
    const t = await team();
    expect(await getMembership(t.people.coach.id, t.id)).not.toBeNull();
    expect(await inTx(t.ctx('owner'), (c) => removeMember(c, t.people.coach.id))).toEqual({ id: t.people.coach.id });
    expect(await getMembership(t.people.coach.id, t.id)).toBeNull();
    expect((await listMembers(t.ctx('owner'))).map((m) => m.name)).toEqual(['Olivia', 'Ed', 'Vic']);
  });

  it('refuses removal by non-owners and of the last owner', async () => {
    const t = await team();
    await expect(removeMember(t.ctx('editor'), t.people.viewer.id)).rejects.toThrow(ForbiddenError);
    await expect(removeMember(t.ctx('coach'), t.people.owner.id)).rejects.toThrow(ForbiddenError);
    expect(await inTx(t.ctx('owner'), (c) => removeMember(c, t.people.owner.id))).toMatchObject({ formError: LAST_OWNER_MESSAGE });
    expect(await roleOf(t.people.owner.id, t.id)).toBe('owner');
    expect(await roleOf(t.people.viewer.id, t.id)).toBe('viewer');
  });

  it('lets non-owners leave, and an owner only while another owner remains', async () => {
    const t = await team();
    for (const who of ['editor', 'coach', 'viewer'] as const) {
      expect(await inTx(t.ctx(who), (c) => leaveWorkspace(c))).toEqual({ id: t.people[who].id });
      expect(await getMembership(t.people[who].id, t.id)).toBeNull();
    }
    const alone = await inTx(t.ctx('owner'), (c) => leaveWorkspace(c));
    expect(alone).toMatchObject({ ok: false, formError: expect.stringMatching(/only owner/) });
    expect(await roleOf(t.people.owner.id, t.id)).toBe('owner');

    const second = await person('Sam');
    await handle.db.insert(memberships).values({ workspaceId: t.id, userId: second.id, role: 'owner' });
    expect(await inTx(t.ctx('owner'), (c) => leaveWorkspace(c))).toEqual({ id: t.people.owner.id });
    expect(await roleOf(second.id, t.id)).toBe('owner');
  });
});

describe('transferring ownership', () => {
  it('makes the other member owner and the previous owner editor, together', async () => {
    const t = await team();
    expect(await inTx(t.ctx('owner'), (c) => transferOwnership(c, t.people.coach.id))).toEqual({ id: t.people.coach.id });
    expect(await roleOf(t.people.coach.id, t.id)).toBe('owner');
    expect(await roleOf(t.people.owner.id, t.id)).toBe('editor');
    // The former owner's next request carries the editor role, which cannot manage members.
    const fresh = await getMembership(t.people.owner.id, t.id);
    await expect(transferOwnership({ userId: t.people.owner.id, workspaceId: t.id, role: fresh!.role }, t.people.owner.id)).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('refuses a transfer to oneself or to a non-member, changing nothing', async () => {
    const t = await team();
    const stranger = await person('Stranger');
    expect(await inTx(t.ctx('owner'), (c) => transferOwnership(c, t.people.owner.id))).toMatchObject({ ok: false });
    expect(await inTx(t.ctx('owner'), (c) => transferOwnership(c, stranger.id))).toMatchObject({ formError: NOT_A_MEMBER_MESSAGE });
    expect(await roleOf(t.people.owner.id, t.id)).toBe('owner');
    expect(await roleOf(stranger.id, t.id)).toBeNull();
  });

  it('refuses editors', async () => {
    const t = await team();
    await expect(transferOwnership(t.ctx('editor'), t.people.editor.id)).rejects.toThrow(ForbiddenError);
    expect(await roleOf(t.people.owner.id, t.id)).toBe('owner');
  });

  it('works for accounts created through signup', async () => {
    const a = await signUpOwner('Ana Real', 'ana.real@example.com');
    const b = await person('Ben');
    await addMember(handle, a.workspaceId, b.id, 'viewer');
    await inTx(a, (c) => transferOwnership(c, b.id));
    expect(await roleOf(b.id, a.workspaceId)).toBe('owner');
    expect(await roleOf(a.user.id, a.workspaceId)).toBe('editor');
  });
});
