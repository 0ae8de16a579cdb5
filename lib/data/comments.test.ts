import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { comments, contacts, efforts, opportunities, workspaces } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { commentSchema } from '@/lib/schemas/comment';
import { testDatabase } from '@/test/db';
import { addTeam } from '@/test/people';
import { addContactRow, addEffortRow } from '@/test/records';
import type { WorkspaceCtx } from './context';
import { addComment, COMMENT_GONE, deleteComment, listComments, TARGET_REFUSED, updateComment } from './comments';

const handle = testDatabase();

/** A team with one effort (a mixer), one contact (Pat) and one opportunity (a gig) to comment on. */
async function team() {
  const { id, people, ctx } = await addTeam(handle);
  const ids = { owner: people.owner.id, editor: people.editor.id, coach: people.coach.id, viewer: people.viewer.id };
  const effortId = await addEffortRow(handle, id);
  const contactId = await addContactRow(handle, id, 'Pat');
  const [opp] = await handle.db
    .insert(opportunities)
    .values({ workspaceId: id, title: 'Gig', kind: 'gig', openedOn: '2026-01-12' })
    .returning({ id: opportunities.id });
  return { id, ids, ctx, effortId, contactId, opportunityId: opp.id };
}

const post = (ctx: WorkspaceCtx, input: { entity: string; entityId: string | null; body: string }) =>
  addComment(ctx, commentSchema.parse(input));

describe('comments', () => {
  it('lets owners, editors and coaches comment on the dashboard and on each kind of record', async () => {
    const t = await team();
    for (const role of ['owner', 'editor', 'coach'] as const) {
      await post(t.ctx(role), { entity: 'dashboard', entityId: null, body: `${role} says hi` });
    }
    await post(t.ctx('coach'), { entity: 'effort', entityId: t.effortId, body: 'Skip this mixer next time' });
    await post(t.ctx('coach'), { entity: 'contact', entityId: t.contactId, body: 'Follow up with Pat' });
    await post(t.ctx('coach'), { entity: 'opportunity', entityId: t.opportunityId, body: 'Price it higher' });

    const board = await listComments(t.ctx('viewer'), { entity: 'dashboard', entityId: null });
    expect(board.items.map((c) => c.body)).toEqual(['owner says hi', 'editor says hi', 'coach says hi']);
    expect(board.items[2]).toMatchObject({ authorId: t.ids.coach, authorName: 'Cora', edited: false });
    expect((await listComments(t.ctx('owner'), { entity: 'effort', entityId: t.effortId })).items.map((c) => c.body)).toEqual([
      'Skip this mixer next time',
    ]);
    expect((await listComments(t.ctx('owner'), { entity: 'contact', entityId: t.effortId })).items).toEqual([]);
  });

  it('refuses viewers', async () => {
    const t = await team();
    await expect(post(t.ctx('viewer'), { entity: 'dashboard', entityId: null, body: 'hello' })).rejects.toThrow(ForbiddenError);
  });

  it('refuses a record of another workspace as a field error, and writes nothing', async () => {
    const t = await team();
    const other = await team();
    for (const [entity, entityId] of [
      ['effort', other.effortId],
      ['contact', other.contactId],
      ['opportunity', other.opportunityId],
      ['effort', t.contactId],
    ] as const) {
      expect(await post(t.ctx('owner'), { entity, entityId, body: 'sneaky' })).toEqual({
        ok: false,
        formError: undefined,
        fieldErrors: { entityId: [TARGET_REFUSED] },
      });
    }
    const [{ n }] = await handle.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(comments).where(eq(comments.body, 'sneaky'));
    expect(n).toBe(0);
  });

  it('lets authors edit their own comments, marked as edited, and nobody else’s', async () => {
    const t = await team();
    const { id } = (await post(t.ctx('coach'), { entity: 'dashboard', entityId: null, body: 'first' })) as { id: string };
    expect(await updateComment(t.ctx('owner'), { id, body: 'owner rewrote it' })).toMatchObject({ ok: false, formError: COMMENT_GONE });
    expect(await updateComment(t.ctx('editor'), { id, body: 'editor rewrote it' })).toMatchObject({ ok: false });
    await expect(updateComment(t.ctx('viewer'), { id, body: 'viewer rewrote it' })).rejects.toThrow(ForbiddenError);
    await handle.db.update(comments).set({ createdAt: sql`now() - interval '1 hour'`, updatedAt: sql`now() - interval '1 hour'` }).where(eq(comments.id, id));
    expect(await updateComment(t.ctx('coach'), { id, body: 'second thoughts' })).toEqual({ id });
    const [c] = (await listComments(t.ctx('coach'), { entity: 'dashboard', entityId: null })).items;
    expect(c).toMatchObject({ body: 'second thoughts', edited: true });
  });

  it('lets authors delete their own comments and the owner delete anyone’s', async () => {
    const t = await team();
    const mine = (await post(t.ctx('coach'), { entity: 'dashboard', entityId: null, body: 'by coach' })) as { id: string };
    const editors = (await post(t.ctx('editor'), { entity: 'dashboard', entityId: null, body: 'by editor' })) as { id: string };
    expect(await deleteComment(t.ctx('coach'), editors.id)).toMatchObject({ ok: false, formError: COMMENT_GONE });
    expect(await deleteComment(t.ctx('editor'), mine.id)).toMatchObject({ ok: false });
    await expect(deleteComment(t.ctx('viewer'), mine.id)).rejects.toThrow(ForbiddenError);
    expect(await deleteComment(t.ctx('editor'), editors.id)).toEqual({ id: editors.id });
    expect(await deleteComment(t.ctx('owner'), mine.id)).toEqual({ id: mine.id });
    expect((await listComments(t.ctx('owner'), { entity: 'dashboard', entityId: null })).items).toEqual([]);
  });

  it('never reaches a comment of another workspace, even as its owner', async () => {
    const t = await team();
    const other = await team();
    const theirs = (await post(other.ctx('coach'), { entity: 'dashboard', entityId: null, body: 'private to them' })) as { id: string };
    expect(await updateComment({ ...t.ctx('coach'), userId: other.ids.coach }, { id: theirs.id, body: 'x' })).toMatchObject({ ok: false });
    expect(await deleteComment(t.ctx('owner'), theirs.id)).toMatchObject({ ok: false });
    expect((await listComments(t.ctx('owner'), { entity: 'dashboard', entityId: null })).items).toEqual([]);
    expect((await listComments(other.ctx('viewer'), { entity: 'dashboard', entityId: null })).items).toHaveLength(1);
  });

  it('pages through long threads, newest page first, each page oldest first', async () => {
    const t = await team();
    for (let i = 1; i <= 5; i += 1) {
      const r = (await post(t.ctx('owner'), { entity: 'dashboard', entityId: null, body: `c${i}` })) as { id: string };
      await handle.db.update(comments).set({ createdAt: sql`now() - make_interval(mins => ${10 - i})` }).where(eq(comments.id, r.id));
    }
    const page1 = await listComments(t.ctx('owner'), { entity: 'dashboard', entityId: null }, { limit: 2 });
    expect(page1.items.map((c) => c.body)).toEqual(['c4', 'c5']);
    expect(page1.hasMore).toBe(true);
    const page2 = await listComments(t.ctx('owner'), { entity: 'dashboard', entityId: null }, { limit: 2, before: page1.items[0] });
    expect(page2.items.map((c) => c.body)).toEqual(['c2', 'c3']);
  });

});

describe('comments follow their record', () => {
  it('deleting an effort, a contact or an opportunity removes its comments', async () => {
    const db = handle.db;
    const [ws] = await db.select({ id: workspaces.id }).from(workspaces).limit(1);
    const [e] = await db.insert(efforts).values({ workspaceId: ws.id, channel: 'events', title: 'Mixer', date: '2026-01-01' }).returning();
    const [c] = await db.insert(contacts).values({ workspaceId: ws.id, name: 'Pat' }).returning();
    const [o] = await db.insert(opportunities).values({ workspaceId: ws.id, title: 'Gig', kind: 'gig', openedOn: '2026-01-02' }).returning();
    await db.insert(comments).values([
      { workspaceId: ws.id, entity: 'effort', entityId: e.id, body: 'on effort' },
      { workspaceId: ws.id, entity: 'contact', entityId: c.id, body: 'on contact' },
      { workspaceId: ws.id, entity: 'opportunity', entityId: o.id, body: 'on opportunity' },
      { workspaceId: ws.id, entity: 'dashboard', entityId: null, body: 'on dashboard' },
    ]);
    await db.delete(efforts).where(eq(efforts.id, e.id));
    await db.delete(contacts).where(eq(contacts.id, c.id));
    await db.delete(opportunities).where(eq(opportunities.id, o.id));
    const left = (await db.select({ body: comments.body }).from(comments).where(eq(comments.workspaceId, ws.id))).map((r) => r.body);
    expect(left).not.toContain('on effort');
    expect(left).not.toContain('on contact');
    expect(left).not.toContain('on opportunity');
    expect(left).toContain('on dashboard');
  });
});
