// People for data tests. Most are inserted directly: password hashing is slow and beside the point
// there; signUpOwner goes through the app's own sign-up for tests that want a real account.
import type { DbHandle } from '@/db';
import { memberships, users, workspaces, type Role } from '@/db/schema';
import type { WorkspaceCtx } from '@/lib/data/context';
import { createUserWithWorkspace, type SessionUser } from '@/lib/data/users';

let seq = 0;

/** A user row with an address no other test person has; confirmed only when asked. */
export async function addPerson(handle: DbHandle, name: string, { verified = false } = {}) {
  seq += 1;
  const [u] = await handle.db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}-${seq}@example.com`, passwordHash: 'not used', emailVerifiedAt: verified ? new Date() : null })
    .returning({ id: users.id, name: users.name, email: users.email });
  return u;
}

/** An owner's context in the workspace their sign-up made, with their user row. */
export type Owner = WorkspaceCtx & { role: 'owner'; user: SessionUser };

/** Someone signed up the app's way (own workspace, hashed password); the address defaults from the name. */
export async function signUpOwner(name: string, email = `${name.toLowerCase().replace(/\s+/g, '-')}@example.com`): Promise<Owner> {
  const made = await createUserWithWorkspace({ name, email, password: `${name} pass phrase` });
  if (!made) throw new Error(`could not sign up ${email}`);
  return { userId: made.user.id, workspaceId: made.workspaceId, role: 'owner', user: made.user };
}

/** A workspace with these members (user id and role), inserted directly. */
export async function addWorkspace(
  handle: DbHandle,
  members: Record<string, Role> | Array<[string, Role]>,
  values: Partial<typeof workspaces.$inferInsert> = {},
): Promise<string> {
  seq += 1;
  const [ws] = await handle.db.insert(workspaces).values({ name: `Workspace ${seq}`, ...values }).returning({ id: workspaces.id });
  for (const [userId, role] of Array.isArray(members) ? members : Object.entries(members)) {
    await handle.db.insert(memberships).values({ workspaceId: ws.id, userId, role });
  }
  return ws.id;
}

/** Adds a member to a workspace directly. */
export async function addMember(handle: DbHandle, workspaceId: string, userId: string, role: Role) {
  await handle.db.insert(memberships).values({ workspaceId, userId, role });
}

/** A workspace with an owner and one member of each other role: Olivia, Ed, Cora and Vic. */
export async function addTeam(handle: DbHandle, values: Partial<typeof workspaces.$inferInsert> = {}) {
  const people = {
    owner: await addPerson(handle, 'Olivia'),
    editor: await addPerson(handle, 'Ed'),
    coach: await addPerson(handle, 'Cora'),
    viewer: await addPerson(handle, 'Vic'),
  };
  const id = await addWorkspace(handle, { [people.owner.id]: 'owner', [people.editor.id]: 'editor', [people.coach.id]: 'coach', [people.viewer.id]: 'viewer' }, values);
  const ctx = (role: keyof typeof people): WorkspaceCtx => ({ userId: people[role].id, workspaceId: id, role });
  return { id, people, ctx };
}
