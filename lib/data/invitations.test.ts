import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitations, memberships, users, type Role } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { inviteSchema } from '@/lib/schemas/team';
import { testDatabase } from '@/test/db';
import { addMember, addPerson, addWorkspace } from '@/test/people';
import type { WorkspaceCtx } from './context';
import {
  acceptInvitation,
  ALREADY_MEMBER_MESSAGE,
  CONFIRM_TO_JOIN_MESSAGE,
  createInvitation,
  getInvitationByToken,
  hashInvitationToken,
  INVITATION_MESSAGES,
  INVITES_PER_DAY,
  listPendingInvitations,
  revokeInvitation,
  ROLE_TOO_HIGH_MESSAGE,
  TOO_MANY_INVITES_MESSAGE,
  VERIFY_FIRST_MESSAGE,
  type CreatedInvitation,
} from './invitations';
import { getMembership } from './workspaces';

const handle = testDatabase();

async function person(name: string, { verified = true } = {}) {
  return addPerson(handle, name, { verified });
}

const workspaceWith = (owner: { id: string }, name?: string) => addWorkspace(handle, { [owner.id]: 'owner' }, name ? { name } : {});
const join = (workspaceId: string, userId: string, role: Role) => addMember(handle, workspaceId, userId, role);

function invite(ctx: WorkspaceCtx, email: string, role: 'editor' | 'coach' | 'viewer' = 'coach') {
  return createInvitation(ctx, inviteSchema.parse({ email, role }));
}

async function invited(ctx: WorkspaceCtx, email: string, role: 'editor' | 'coach' | 'viewer' = 'coach') {
  const result = await invite(ctx, email, role);
  if ('ok' in result) throw new Error(`invitation refused: ${result.formError}`);
  return result as CreatedInvitation;
}

async function ownerSetup(name = 'Olga') {
  const owner = await person(name);
  const workspaceId = await workspaceWith(owner, `${name}'s workspace`);
  const ctx: WorkspaceCtx = { userId: owner.id, workspaceId, role: 'owner' };
  return { owner, workspaceId, ctx };
}

describe('creating invitations', () => {
  it('stores only the SHA-256 of a 32-byte token, single use, expiring in 7 days', async () => {
    const { ctx, workspaceId } = await ownerSetup();
    const inv = await invited(ctx, 'Coach.Carla@Example.com');
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(inv.token, 'base64url')).toHaveLength(32);
    const [row] = await handle.db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row.tokenHash).toBe(hashInvitationToken(inv.token));
    expect(row.tokenHash).not.toContain(inv.token);
    expect(row).toMatchObject({ email: 'coach.carla@example.com', role: 'coach', workspaceId, acceptedAt: null, revokedAt: null });
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    expect((await listPendingInvitations(ctx)).map((i) => i.email)).toEqual(['coach.carla@example.com']);
  });

  it('refuses every role but the owner, and owner invitations in the schema', async () => {
    const { owner, workspaceId, ctx } = await ownerSetup();
    for (const role of ['editor', 'coach', 'viewer'] as const) {
      const u = await person(`Member${role}`);
      await join(workspaceId, u.id, role);
      await expect(invite({ userId: u.id, workspaceId, role }, 'friend@example.com', 'viewer')).rejects.toThrow(ForbiddenError);
    }
    expect(inviteSchema.safeParse({ email: 'x@example.com', role: 'owner' }).success).toBe(false);
    // Even past the schema, the data layer never hands out ownership.
    const forced = await createInvitation(ctx, { email: 'x@example.com', role: 'owner' as never });
    expect(forced).toMatchObject({ ok: false, fieldErrors: { role: [ROLE_TOO_HIGH_MESSAGE] } });
    expect(await listPendingInvitations(ctx)).toEqual([]);
    expect(owner).toBeTruthy();
  });

  it('asks an unverified inviter to verify first', async () => {
    const owner = await person('Unverified', { verified: false });
    const workspaceId = await workspaceWith(owner);
    const result = await invite({ userId: owner.id, workspaceId, role: 'owner' }, 'someone@example.com');
    expect(result).toMatchObject({ ok: false, formError: VERIFY_FIRST_MESSAGE });
    expect(VERIFY_FIRST_MESSAGE).toBe('Verify your e-mail address before inviting others.');
  });

  it('refuses to invite an existing member', async () => {
    const { workspaceId, ctx } = await ownerSetup();
    const ed = await person('Edgar');
    await join(workspaceId, ed.id, 'editor');
    expect(await invite(ctx, ed.email.toUpperCase())).toMatchObject({ ok: false, fieldErrors: { email: [ALREADY_MEMBER_MESSAGE] } });
  });

  it('allows 20 invitations per workspace per 24 hours, counted in the database', async () => {
    const { ctx } = await ownerSetup('Busy');
    const other = await ownerSetup('Calm');
    for (let i = 0; i < INVITES_PER_DAY; i += 1) await invited(ctx, `guest${i}@example.com`, 'viewer');
    expect(await invite(ctx, 'one-more@example.com')).toMatchObject({ ok: false, formError: TOO_MANY_INVITES_MESSAGE });
    // Another workspace has its own allowance.
    await invited(other.ctx, 'one-more@example.com');
    // Older than a day no longer counts.
    await handle.db
      .update(invitations)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(invitations.workspaceId, ctx.workspaceId));
    await invited(ctx, 'one-more@example.com');
  });

  it('replaces an unused invitation for the same address', async () => {
    const { ctx } = await ownerSetup();
    const first = await invited(ctx, 'twice@example.com', 'viewer');
    const second = await invited(ctx, 'twice@example.com', 'editor');
    expect((await getInvitationByToken(first.token))?.status).toBe('revoked');
    expect((await listPendingInvitations(ctx)).map((i) => [i.id, i.role])).toEqual([[second.id, 'editor']]);
  });
});

describe('revoking invitations', () => {
  it('withdraws a pending invitation so its link stops working', async () => {
    const { ctx } = await ownerSetup();
    const guest = await person('Guest');
    const inv = await invited(ctx, guest.email);
    expect(await revokeInvitation(ctx, inv.id)).toEqual({ id: inv.id });
    expect(await revokeInvitation(ctx, inv.id)).toMatchObject({ ok: false });
    expect(await listPendingInvitations(ctx)).toEqual([]);
    expect(await acceptInvitation(guest, inv.token)).toMatchObject({ ok: false, formError: INVITATION_MESSAGES.revoked });
    expect(await getMembership(guest.id, ctx.workspaceId)).toBeNull();
  });

  it('cannot revoke another workspace’s invitation, nor can editors revoke', async () => {
    const a = await ownerSetup('Ava');
    const b = await ownerSetup('Bea');
    const inv = await invited(b.ctx, 'target@example.com');
    expect(await revokeInvitation(a.ctx, inv.id)).toMatchObject({ ok: false });
    await expect(revokeInvitation({ ...b.ctx, role: 'editor' }, inv.id)).rejects.toThrow(ForbiddenError);
    expect((await getInvitationByToken(inv.token))?.status).toBe('pending');
  });
});

describe('accepting invitations', () => {
  it('shows the workspace, inviter and role, and joins the invited account once', async () => {
    const { owner, ctx, workspaceId } = await ownerSetup('Nora');
    const coach = await person('Carl');
    const inv = await invited(ctx, coach.email, 'coach');
    expect(await getInvitationByToken(inv.token)).toMatchObject({
      workspaceName: "Nora's workspace",
      inviterName: owner.name,
      role: 'coach',
      email: coach.email,
      status: 'pending',
    });
    expect(await acceptInvitation(coach, inv.token)).toEqual({ workspaceId, role: 'coach' });
    expect(await getMembership(coach.id, workspaceId)).toMatchObject({ role: 'coach' });
    const [row] = await handle.db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row.acceptedBy).toBe(coach.id);
    expect(row.acceptedAt).not.toBeNull();
    // Reused link
    expect(await acceptInvitation(coach, inv.token)).toMatchObject({ ok: false, formError: INVITATION_MESSAGES.used });
    expect((await getInvitationByToken(inv.token))?.status).toBe('used');
  });

  it('refuses an account that has not confirmed the invited address, and lets it join once it has', async () => {
    const { ctx, workspaceId } = await ownerSetup();
    const holder = await person('Hal', { verified: false });
    const inv = await invited(ctx, holder.email, 'editor');
    expect(await acceptInvitation(holder, inv.token)).toMatchObject({ ok: false, formError: CONFIRM_TO_JOIN_MESSAGE });
    expect(await getMembership(holder.id, workspaceId)).toBeNull();
    // The link stays usable for the person who can read the mailbox.
    expect((await getInvitationByToken(inv.token))?.status).toBe('pending');
    await handle.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, holder.id));
    expect(await acceptInvitation(holder, inv.token)).toEqual({ workspaceId, role: 'editor' });
  });

  it('lets only one of two simultaneous acceptances through', async () => {
    const { ctx, workspaceId } = await ownerSetup();
    const v = await person('Val');
    const inv = await invited(ctx, v.email, 'viewer');
    const results = await Promise.all([acceptInvitation(v, inv.token), acceptInvitation(v, inv.token)]);
    expect(results.filter((r) => !('ok' in r))).toHaveLength(1);
    const rows = await handle.db.select().from(memberships).where(eq(memberships.workspaceId, workspaceId));
    expect(rows.filter((m) => m.userId === v.id)).toHaveLength(1);
  });

  it('refuses an account with another address, masking the invited one', async () => {
    const { ctx, workspaceId } = await ownerSetup();
    const invitee = await person('Jane');
    const intruder = await person('Mallory');
    const inv = await invited(ctx, invitee.email);
    const result = await acceptInvitation(intruder, inv.token);
    expect(result).toMatchObject({ ok: false });
    const message = (result as { formError: string }).formError;
    expect(message).toMatch(/^This invitation was sent to another e-mail address\. Sign out and sign in as j•••@example\.com\.$/);
    expect(message).not.toContain(invitee.email);
    expect(await getMembership(intruder.id, workspaceId)).toBeNull();
    expect((await getInvitationByToken(inv.token))?.status).toBe('pending');
  });

  it('refuses expired links and treats unknown tokens as invalid', async () => {
    const { ctx, workspaceId } = await ownerSetup();
    const late = await person('Late');
    const inv = await invited(ctx, late.email);
    await handle.db.update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(invitations.id, inv.id));
    expect((await getInvitationByToken(inv.token))?.status).toBe('expired');
    expect(await acceptInvitation(late, inv.token)).toMatchObject({ ok: false, formError: INVITATION_MESSAGES.expired });
    expect(await getMembership(late.id, workspaceId)).toBeNull();
    const unknown = 'A'.repeat(43);
    expect(await getInvitationByToken(unknown)).toBeNull();
    expect(await acceptInvitation(late, unknown)).toMatchObject({ ok: false, formError: INVITATION_MESSAGES.expired });
  });

  it('never lowers the role of someone who is already a member, but can raise it', async () => {
    const { ctx, workspaceId } = await ownerSetup();
    const v = await person('Viv');
    // Invited as coach, then made editor another way before opening the link.
    const inv = await invited(ctx, v.email, 'coach');
    await join(workspaceId, v.id, 'editor');
    expect(await acceptInvitation(v, inv.token)).toMatchObject({ workspaceId });
    expect((await getMembership(v.id, workspaceId))?.role).toBe('editor');

    const w = await person('Wes');
    const up = await invited(ctx, w.email, 'editor');
    await join(workspaceId, w.id, 'viewer');
    await acceptInvitation(w, up.token);
    expect((await getMembership(w.id, workspaceId))?.role).toBe('editor');
  });
});
