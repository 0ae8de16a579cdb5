import { describe, expect, it } from 'vitest';
import type { Role } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { testDatabase } from '@/test/db';
import { addPerson, addWorkspace } from '@/test/people';
import { addCoachNote, deleteCoachNote, listCoachNotes, NOTE_GONE, updateCoachNote } from './coach-notes';
import type { WorkspaceCtx } from './context';

const handle = testDatabase();

const person = async (name: string) => (await addPerson(handle, name)).id;
const workspace = (members: Record<string, Role>) => addWorkspace(handle, members);

/** The note as its reader sees it in the list, or null. */
async function visibleNote(ctx: WorkspaceCtx, id: string) {
  return (await listCoachNotes(ctx)).find((n) => n.id === id) ?? null;
}

describe('coach notes', () => {
  it('are visible only to their author, even to the workspace owner or another coach', async () => {
    const owner = await person('Client');
    const coach = await person('Coach');
    const coach2 = await person('Second coach');
    const ws = await workspace({ [owner]: 'owner', [coach]: 'coach', [coach2]: 'coach' });
    const mine: WorkspaceCtx = { userId: coach, workspaceId: ws, role: 'coach' };
    const { id } = await addCoachNote(mine, { body: 'Avoids LinkedIn; push informational interviews.' });
    expect((await listCoachNotes(mine)).map((n) => n.body)).toEqual(['Avoids LinkedIn; push informational interviews.']);
    expect(await visibleNote(mine, id)).toMatchObject({ id });

    const ownerCtx: WorkspaceCtx = { userId: owner, workspaceId: ws, role: 'owner' };
    const otherCoach: WorkspaceCtx = { userId: coach2, workspaceId: ws, role: 'coach' };
    for (const ctx of [ownerCtx, otherCoach]) {
      expect(await listCoachNotes(ctx)).toEqual([]);
      expect(await visibleNote(ctx, id)).toBeNull();
      expect(await updateCoachNote(ctx, { id, body: 'tampered' })).toMatchObject({ ok: false, formError: NOTE_GONE });
      expect(await deleteCoachNote(ctx, id)).toMatchObject({ ok: false });
    }
    expect((await visibleNote(mine, id))?.body).toBe('Avoids LinkedIn; push informational interviews.');
  });

  it('are kept per client workspace', async () => {
    const coach = await person('Coach');
    const a = await workspace({ [await person('A')]: 'owner', [coach]: 'coach' });
    const b = await workspace({ [await person('B')]: 'owner', [coach]: 'coach' });
    const inA: WorkspaceCtx = { userId: coach, workspaceId: a, role: 'coach' };
    const inB: WorkspaceCtx = { userId: coach, workspaceId: b, role: 'coach' };
    const { id } = await addCoachNote(inA, { body: 'About A' });
    await addCoachNote(inB, { body: 'About B' });
    expect((await listCoachNotes(inA)).map((n) => n.body)).toEqual(['About A']);
    expect((await listCoachNotes(inB)).map((n) => n.body)).toEqual(['About B']);
    // A note id from one client is not found through another client's context.
    expect(await visibleNote(inB, id)).toBeNull();
    expect(await deleteCoachNote(inB, id)).toMatchObject({ ok: false });
  });

  it('can be edited and deleted by their author', async () => {
    const coach = await person('Coach');
    const ws = await workspace({ [await person('C')]: 'owner', [coach]: 'coach' });
    const ctx: WorkspaceCtx = { userId: coach, workspaceId: ws, role: 'coach' };
    const { id } = await addCoachNote(ctx, { body: 'draft' });
    expect(await updateCoachNote(ctx, { id, body: 'final' })).toEqual({ id });
    expect((await visibleNote(ctx, id))?.body).toBe('final');
    expect(await deleteCoachNote(ctx, id)).toEqual({ id });
    expect(await listCoachNotes(ctx)).toEqual([]);
  });

  it('are refused to editors and viewers', async () => {
    const u = await person('U');
    const ws = await workspace({ [await person('O')]: 'owner', [u]: 'editor' });
    for (const role of ['editor', 'viewer'] as const) {
      const ctx: WorkspaceCtx = { userId: u, workspaceId: ws, role };
      await expect(addCoachNote(ctx, { body: 'x' })).rejects.toThrow(ForbiddenError);
      await expect(listCoachNotes(ctx)).rejects.toThrow(ForbiddenError);
    }
  });
});
