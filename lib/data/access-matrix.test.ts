// Every entity × action × principal, written out as a table and asserted cell by cell.
// Members of the workspace act through a context from getMembership, exactly as requireWorkspace
// and the action wrapper build it; a removed member and a member of another workspace get no
// membership there and are denied before any data function runs. A second part forges a context
// of another workspace and shows that lookups by id find nothing.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { captures, coachNotes, comments, contacts, efforts, interactions, invitations, memberships, opportunities, users, weeklyGoals, workspaces, type Role } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { commentSchema } from '@/lib/schemas/comment';
import { contactSchema } from '@/lib/schemas/contact';
import { effortSchema } from '@/lib/schemas/effort';
import { interactionSchema } from '@/lib/schemas/interaction';
import { opportunitySchema } from '@/lib/schemas/opportunity';
import { testDatabase } from '@/test/db';
import { addCoachNote, deleteCoachNote, listCoachNotes, updateCoachNote } from './coach-notes';
import { addComment, deleteComment, listComments, updateComment } from './comments';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts';
import type { WorkspaceCtx } from './context';
import { createEffort, deleteEffort, getEffort, listEfforts, updateEffort } from './efforts';
import { createInteraction, deleteInteraction, listInteractions, updateInteraction } from './interactions';
import { createInvitation, hashInvitationToken, listPendingInvitations, revokeInvitation } from './invitations';
import { changeMemberRole, listMembers, removeMember } from './members';
import { createOpportunity, deleteOpportunity, getOpportunity, listOpportunities, updateOpportunity } from './opportunities';
import { getMembership, getWorkspace, listMyWorkspaces, updateWorkspaceSettings } from './workspaces';
import { importVcards, previewVcardImport } from './import/vcard';
import type { CalendarOccurrence } from '@/lib/import/calendar';
import { parseVcards } from '@/lib/import/vcard';
import { importCalendar, previewCalendarImport } from './capture';
import { deleteGoal, listGoalProgress, setGoal } from './goals';
import { getRoster } from './roster';
import { acceptMailReview, deleteMailInbox, dismissMailReview, getMailInboxInfo, listMailReview, rotateMailInbox } from './mail-inbox';

const PRINCIPALS = ['owner', 'editor', 'coach', 'viewer', 'removed', 'other'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Outcome = 'allow' | 'deny';
const A: Outcome = 'allow';
const D: Outcome = 'deny';

//  entity                action                owner editor coach viewer removed other
const MATRIX: Array<[string, string, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = [
  ['workspace settings', 'read list',          A, A, A, A, D, D],
  ['workspace settings', 'read one',           A, A, A, A, D, D],
  ['workspace settings', 'update',             A, D, D, D, D, D],
  ['members',            'read list',          A, A, A, D, D, D],
  ['members',            'update role',        A, D, D, D, D, D],
  ['members',            'delete',             A, D, D, D, D, D],
  ['invitations',        'read list',          A, A, A, D, D, D],
  ['invitations',        'create',             A, D, D, D, D, D],
  ['invitations',        'delete',             A, D, D, D, D, D],
  ['comments',           'read list',          A, A, A, A, D, D],
  ['comments',           'create',             A, A, A, D, D, D],
  ['comments',           'update own',         A, A, A, D, D, D],
  ['comments',           'update another’s',   D, D, D, D, D, D],
  ['comments',           'delete own',         A, A, A, D, D, D],
  ['comments',           'delete another’s',   A, D, D, D, D, D],
  ['coach notes',        'read list',          A, D, A, D, D, D],
  ['coach notes',        'create',             A, D, A, D, D, D],
  ['coach notes',        'update',             A, D, A, D, D, D],
  ['coach notes',        'delete',             A, D, A, D, D, D],
  ['efforts',            'read list',          A, A, A, A, D, D],
  ['efforts',            'read one',           A, A, A, A, D, D],
  ['efforts',            'create',             A, A, D, D, D, D],
  ['efforts',            'update',             A, A, D, D, D, D],
  ['efforts',            'delete',             A, A, D, D, D, D],
  ['contacts',           'read list',          A, A, A, A, D, D],
  ['contacts',           'read one',           A, A, A, A, D, D],
  ['contacts',           'create',             A, A, D, D, D, D],
  ['contacts',           'update',             A, A, D, D, D, D],
  ['contacts',           'delete',             A, A, D, D, D, D],
  ['interactions',       'read list',          A, A, A, A, D, D],
  ['interactions',       'create',             A, A, D, D, D, D],
  ['interactions',       'update',             A, A, D, D, D, D],
  ['interactions',       'delete',             A, A, D, D, D, D],
  ['opportunities',      'read list',          A, A, A, A, D, D],
  ['opportunities',      'read one',           A, A, A, A, D, D],
  ['opportunities',      'create',             A, A, D, D, D, D],
  ['opportunities',      'update',             A, A, D, D, D, D],
  ['opportunities',      'delete',             A, A, D, D, D, D],
  ['contact cards',      'preview',            A, A, D, D, D, D],
  ['contact cards',      'import',             A, A, D, D, D, D],
  ['calendar upload',    'preview',            A, A, D, D, D, D],
  ['calendar upload',    'import',             A, A, D, D, D, D],
  ['forwarding address', 'read one',           A, D, D, D, D, D],
  ['forwarding address', 'update',             A, D, D, D, D, D],
  ['forwarding address', 'delete',             A, D, D, D, D, D],
  ['forwarded mail',     'read list',          A, D, D, D, D, D],
  ['forwarded mail',     'accept',             A, D, D, D, D, D],
  ['forwarded mail',     'dismiss',            A, D, D, D, D, D],
  ['weekly goals',       'read list',          A, A, A, A, D, D],
  ['weekly goals',       'create',             A, D, A, D, D, D],
  ['weekly goals',       'update',             A, D, A, D, D, D],
  ['weekly goals',       'delete',             A, D, A, D, D, D],
  ['roster figures',     'read one',           A, A, A, A, D, D],
];

const handle = testDatabase();
let ws: string;
let otherWs: string;
const ids = {} as Record<Principal, string>;
let seq = 0;

async function person(name: string, verified = true) {
  seq += 1;
  const [u] = await handle.db
    .insert(users)
    .values({ name, email: `${name}-${seq}@example.com`, passwordHash: 'not used', emailVerifiedAt: verified ? new Date() : null })
    .returning({ id: users.id });
  return u.id;
}

beforeAll(async () => {
  const [w] = await handle.db.insert(workspaces).values({ name: 'Client' }).returning({ id: workspaces.id });
  const [x] = await handle.db.insert(workspaces).values({ name: 'Elsewhere' }).returning({ id: workspaces.id });
  ws = w.id;
  otherWs = x.id;
  for (const p of PRINCIPALS) ids[p] = await person(p);
  for (const role of ['owner', 'editor', 'coach', 'viewer'] as const) {
    await handle.db.insert(memberships).values({ workspaceId: ws, userId: ids[role], role });
  }
  // The removed member was a coach until now; the other user owns a workspace of their own.
  await handle.db.insert(memberships).values({ workspaceId: ws, userId: ids.removed, role: 'coach' });
  await handle.db.delete(memberships).where(and(eq(memberships.workspaceId, ws), eq(memberships.userId, ids.removed)));
  await handle.db.insert(memberships).values({ workspaceId: otherWs, userId: ids.other, role: 'owner' });
});

// Fixtures, written straight to the database so every cell starts from its own rows.
async function newEffort(workspaceId = ws) {
  const [r] = await handle.db.insert(efforts).values({ workspaceId, channel: 'events', title: 'Mixer', date: '2026-01-05' }).returning({ id: efforts.id });
  return r.id;
}
async function newContact(workspaceId = ws) {
  const [r] = await handle.db.insert(contacts).values({ workspaceId, name: 'Pat' }).returning({ id: contacts.id });
  return r.id;
}
async function newInteraction(workspaceId = ws) {
  const contactId = await newContact(workspaceId);
  const [r] = await handle.db
    .insert(interactions)
    .values({ workspaceId, contactId, date: '2026-01-06', kind: 'call', direction: 'inbound' })
    .returning({ id: interactions.id });
  return { id: r.id, contactId };
}
async function newOpportunity(workspaceId = ws) {
  const [r] = await handle.db.insert(opportunities).values({ workspaceId, title: 'Gig', kind: 'gig', openedOn: '2026-01-07' }).returning({ id: opportunities.id });
  return r.id;
}
async function newComment(authorId: string, workspaceId = ws) {
  const [r] = await handle.db.insert(comments).values({ workspaceId, authorId, entity: 'dashboard', body: 'hello' }).returning({ id: comments.id });
  return r.id;
}
async function newNote(authorId: string, workspaceId = ws) {
  const [r] = await handle.db.insert(coachNotes).values({ workspaceId, authorId, body: 'private' }).returning({ id: coachNotes.id });
  return r.id;
}
async function newInvitation(workspaceId = ws) {
  const [r] = await handle.db
    .insert(invitations)
    .values({ workspaceId, email: `guest${++seq}@example.com`, role: 'viewer', tokenHash: hashInvitationToken(`t${seq}`), expiresAt: new Date(Date.now() + 86_400_000) })
    .returning({ id: invitations.id });
  return r.id;
}
async function newMember(role: Role = 'viewer', workspaceId = ws) {
  const userId = await person(`m${seq}`);
  await handle.db.insert(memberships).values({ workspaceId, userId, role });
  return userId;
}

const effortInput = () => effortSchema.parse({ channel: 'events', title: 'Changed', date: '2026-01-08', venue: '', notes: '' });
const contactInput = (extra = {}) =>
  contactSchema.parse({ name: 'Changed', email: '', phone: '', company: '', role: '', linkedinUrl: '', notes: '', ...extra });
const opportunityInput = () => opportunitySchema.parse({ title: 'Changed', kind: 'client', stage: 'lead', openedOn: '2026-01-08', notes: '' });

function vcard() {
  const r = parseVcards(new TextEncoder().encode(`BEGIN:VCARD\r\nFN:Card ${++seq}\r\nEND:VCARD\r\n`));
  if (!r.ok) throw new Error(r.error);
  return r;
}

async function contactWithEmail(workspaceId = ws) {
  const email = `guest${++seq}@example.com`;
  const [r] = await handle.db.insert(contacts).values({ workspaceId, name: 'Guest', email }).returning({ id: contacts.id });
  return { id: r.id, email };
}
function meeting(email: string, uid = `m${++seq}`): CalendarOccurrence[] {
  return [{ key: uid, date: '2026-01-20', summary: 'Lunch', hours: 1, cancelled: false, organizer: email, people: [{ email, name: 'Guest' }] }];
}

async function newGoal(workspaceId = ws, channel: 'interviews' | 'events' = 'interviews') {
  const [r] = await handle.db
    .insert(weeklyGoals)
    .values({ workspaceId, channel, measure: 'efforts', target: 2 })
    .onConflictDoUpdate({ target: [weeklyGoals.workspaceId, weeklyGoals.channel, weeklyGoals.measure], set: { target: 2 } })
    .returning({ id: weeklyGoals.id });
  return r.id;
}
const week = { from: '2026-01-01', to: '2026-01-07' };

async function newReview(workspaceId = ws) {
  const [r] = await handle.db
    .insert(captures)
    .values({ workspaceId, source: 'email', externalId: `m${++seq}`, status: 'review', occurredOn: '2026-01-20', direction: 'inbound', personName: 'Mara', personEmail: `mara${seq}@example.com`, subject: 'Hello' })
    .returning({ id: captures.id });
  return r.id;
}

type Run = (ctx: WorkspaceCtx) => Promise<unknown>;

/** An operation on what `make` creates for it afresh (a record, its id). */
const onNew =
  <T>(make: () => Promise<T>, run: (made: T) => Run) =>
  async () =>
    run(await make());
/** For each matrix row: prepares fresh rows for the principal and returns the call to make. */
const OPS: Record<string, (who: Principal) => Promise<Run>> = {
  'workspace settings/read list': async () => async (ctx) => {
    const mine = await listMyWorkspaces(ctx.userId);
    return mine.some((w) => w.id === ctx.workspaceId) ? mine : null;
  },
  'workspace settings/read one': async () => (ctx) => getWorkspace(ctx),
  'workspace settings/update': async () => (ctx) =>
    updateWorkspaceSettings(ctx, { name: 'Client', targetNiche: 'niche', hourlyValue: 50, currency: 'USD', defaultCadenceDays: 60 }),
  'members/read list': async () => (ctx) => listMembers(ctx),
  'members/update role': async () => {
    const target = await newMember('viewer');
    return (ctx) => changeMemberRole(ctx, { userId: target, role: 'coach' });
  },
  'members/delete': async () => {
    const target = await newMember('viewer');
    return (ctx) => removeMember(ctx, target);
  },
  'invitations/read list': async () => (ctx) => listPendingInvitations(ctx),
  'invitations/create': async () => (ctx) => createInvitation(ctx, { email: `new${++seq}@example.com`, role: 'viewer' }),
  'invitations/delete': onNew(newInvitation, (id) => (ctx) => revokeInvitation(ctx, id)),
  'comments/read list': async () => (ctx) => listComments(ctx, { entity: 'dashboard', entityId: null }),
  'comments/create': async () => (ctx) => addComment(ctx, commentSchema.parse({ entity: 'dashboard', entityId: null, body: 'hi' })),
  'comments/update own': async (who) => {
    const id = await newComment(ids[who]);
    return (ctx) => updateComment(ctx, { id, body: 'changed' });
  },
  'comments/update another’s': async (who) => {
    const id = await newComment(ids[who === 'editor' ? 'coach' : 'editor']);
    return (ctx) => updateComment(ctx, { id, body: 'changed' });
  },
  'comments/delete own': async (who) => {
    const id = await newComment(ids[who]);
    return (ctx) => deleteComment(ctx, id);
  },
  'comments/delete another’s': async (who) => {
    const id = await newComment(ids[who === 'editor' ? 'coach' : 'editor']);
    return (ctx) => deleteComment(ctx, id);
  },
  'coach notes/read list': async (who) => {
    await newNote(ids[who]);
    return async (ctx) => {
      const notes = await listCoachNotes(ctx);
      return notes.length > 0 ? notes : null;
    };
  },
  'coach notes/create': async () => (ctx) => addCoachNote(ctx, { body: 'note' }),
  'coach notes/update': async (who) => {
    const id = await newNote(ids[who]);
    return (ctx) => updateCoachNote(ctx, { id, body: 'changed' });
  },
  'coach notes/delete': async (who) => {
    const id = await newNote(ids[who]);
    return (ctx) => deleteCoachNote(ctx, id);
  },
  'efforts/read list': onNew(newEffort, () => async (ctx) => ((await listEfforts(ctx, { limit: 10 })).items.length > 0 ? true : null)),
  'efforts/read one': onNew(newEffort, (id) => (ctx) => getEffort(ctx, id)),
  'efforts/create': async () => (ctx) => createEffort(ctx, effortInput()),
  'efforts/update': onNew(newEffort, (id) => (ctx) => updateEffort(ctx, id, { ...effortInput(), version: 1 })),
  'efforts/delete': onNew(newEffort, (id) => (ctx) => deleteEffort(ctx, id)),
  'contacts/read list': onNew(newContact, () => async (ctx) => ((await listContacts(ctx)).items.length > 0 ? true : null)),
  'contacts/read one': onNew(newContact, (id) => (ctx) => getContact(ctx, id)),
  'contacts/create': async () => (ctx) => createContact(ctx, contactInput()),
  'contacts/update': onNew(newContact, (id) => (ctx) => updateContact(ctx, { ...contactInput(), id, version: 1 })),
  'contacts/delete': onNew(newContact, (id) => (ctx) => deleteContact(ctx, id)),
  'interactions/read list': onNew(newInteraction, ({ contactId }) => async (ctx) => ((await listInteractions(ctx, contactId)).length > 0 ? true : null)),
  'interactions/create': onNew(newContact, (contactId) => (ctx) => createInteraction(ctx, interactionSchema.parse({ contactId, date: '2026-01-09', kind: 'email', direction: 'outbound', notes: '' }))),
  'interactions/update': onNew(newInteraction, ({ id }) => (ctx) => updateInteraction(ctx, { id, date: '2026-01-10', kind: 'meeting', direction: 'mutual', notes: '' })),
  'interactions/delete': onNew(newInteraction, ({ id }) => (ctx) => deleteInteraction(ctx, id)),
  'opportunities/read list': onNew(newOpportunity, () => async (ctx) => ((await listOpportunities(ctx, { limit: 10 })).items.length > 0 ? true : null)),
  'opportunities/read one': onNew(newOpportunity, (id) => (ctx) => getOpportunity(ctx, id)),
  'opportunities/create': async () => (ctx) => createOpportunity(ctx, opportunityInput()),
  'opportunities/update': onNew(newOpportunity, (id) => (ctx) => updateOpportunity(ctx, { ...opportunityInput(), id, version: 1 })),
  'opportunities/delete': onNew(newOpportunity, (id) => (ctx) => deleteOpportunity(ctx, id)),
  'contact cards/preview': async () => (ctx) => previewVcardImport(ctx, vcard().cards, [], { channel: null, metOn: null }),
  'contact cards/import': async () => async (ctx) => {
    const plan = await importVcards(ctx, vcard().cards, [], { channel: null, metOn: null });
    return plan.newCount === 1 ? plan : null;
  },
  'calendar upload/preview': onNew(contactWithEmail, ({ email }) => async (ctx) => ((await previewCalendarImport(ctx, meeting(email), null, { today: '2026-02-01' })).meetingCount === 1 ? true : null)),
  'calendar upload/import': async () => {
    const { id, email } = await contactWithEmail();
    return async (ctx) => {
      await importCalendar(ctx, meeting(email), null, { today: '2026-02-01' });
      return (await listInteractions({ ...ctx, role: 'owner' }, id)).length === 1 ? true : null;
    };
  },
  'forwarding address/read one': async () => {
    await rotateMailInbox({ userId: ids.owner, workspaceId: ws, role: 'owner' });
    return (ctx) => getMailInboxInfo(ctx);
  },
  'forwarding address/update': async () => async (ctx) => ((await rotateMailInbox(ctx)).length === 32 ? true : null),
  'forwarding address/delete': async () => async (ctx) => {
    await deleteMailInbox(ctx);
    return true;
  },
  'forwarded mail/read list': onNew(newReview, () => async (ctx) => ((await listMailReview(ctx)).length > 0 ? true : null)),
  'forwarded mail/accept': onNew(newReview, (id) => (ctx) => acceptMailReview(ctx, id)),
  'forwarded mail/dismiss': onNew(newReview, (id) => (ctx) => dismissMailReview(ctx, id)),
  'weekly goals/read list': onNew(newGoal, () => async (ctx) => ((await listGoalProgress(ctx, week)).length > 0 ? true : null)),
  'weekly goals/create': async () => (ctx) => setGoal(ctx, { channel: 'linkedin', measure: 'hours', target: 3 }),
  'weekly goals/update': onNew(newGoal, () => (ctx) => setGoal(ctx, { channel: 'interviews', measure: 'efforts', target: 3 })),
  'weekly goals/delete': async () => {
    const id = await newGoal(ws, 'events');
    return (ctx) => deleteGoal(ctx, id);
  },
  'roster figures/read one': async () => {
    // The roster shows an owner's own workspace only once it holds records.
    await newContact();
    return (ctx) => rosterRowOf(ctx);
  },
};

/** The caller's context exactly as the app resolves it; null means the request is refused as not found. */
async function resolveCtx(who: Principal): Promise<WorkspaceCtx | null> {
  const m = await getMembership(ids[who], ws);
  return m ? { userId: ids[who], workspaceId: ws, role: m.role } : null;
}

/** The caller's roster row for the context's workspace, or null when the roster does not show it. */
async function rosterRowOf(ctx: WorkspaceCtx) {
  const roster = await getRoster(ctx.userId, { today: '2026-02-01' });
  return [...roster.clients, ...roster.own].find((r) => r.workspaceId === ctx.workspaceId) ?? null;
}

function isRefused(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'object' && (value as { ok?: unknown }).ok === false);
}

async function outcome(who: Principal, key: string): Promise<Outcome> {
  const run = await OPS[key](who);
  const ctx = await resolveCtx(who);
  if (!ctx) return 'deny';
  try {
    let result: unknown;
    // listMyWorkspaces and the roster take no workspace context (they list the caller's memberships), so they run on their own.
    if (key === 'workspace settings/read list' || key === 'roster figures/read one') return isRefused(await run(ctx)) ? 'deny' : 'allow';
    // Each call runs in a transaction as the action wrapper would; it is rolled back so cells stay independent.
    await handle.db
      .transaction(async (tx) => {
        result = await run({ ...ctx, tx });
        throw new Error('rollback');
      })
      .catch((err) => {
        if ((err as Error).message !== 'rollback') throw err;
      });
    return isRefused(result) ? 'deny' : 'allow';
  } catch (err) {
    if (err instanceof ForbiddenError) return 'deny';
    throw err;
  }
}

describe('access-control matrix', () => {
  it('covers every operation listed', () => {
    expect(MATRIX.map(([e, a]) => `${e}/${a}`).sort()).toEqual(Object.keys(OPS).sort());
  });

  describe.each(MATRIX)('%s: %s', (entity, action, ...expected) => {
    it.each(PRINCIPALS.map((p, i) => [p, expected[i]] as const))('%s → %s', async (who, want) => {
      expect(await outcome(who, `${entity}/${action}`)).toBe(want);
    });
  });
});

describe('a forged context of another workspace', () => {
  // The other user owns their own workspace; pointing that context at this workspace's ids finds nothing.
  const forged = (): WorkspaceCtx => ({ userId: ids.other, workspaceId: otherWs, role: 'owner' });
  const ownerCtx = (): WorkspaceCtx => ({ userId: ids.owner, workspaceId: ws, role: 'owner' });

  it('cannot read, change or delete efforts', async () => {
    const id = await newEffort();
    expect(await getEffort(forged(), id)).toBeNull();
    expect(await updateEffort(forged(), id, { ...effortInput(), version: 1 })).toMatchObject({ ok: false });
    expect(await deleteEffort(forged(), id)).toMatchObject({ ok: false });
    expect((await listEfforts(forged(), { limit: 100 })).items.map((e) => e.id)).not.toContain(id);
    expect(await getEffort(ownerCtx(), id)).toMatchObject({ title: 'Mixer', version: 1 });
  });

  it('cannot read, change or delete contacts, nor link one', async () => {
    const id = await newContact();
    expect(await getContact(forged(), id)).toBeNull();
    expect(await updateContact(forged(), { ...contactInput(), id, version: 1 })).toMatchObject({ ok: false });
    expect(await deleteContact(forged(), id)).toMatchObject({ ok: false });
    expect((await listContacts(forged())).items.map((c) => c.id)).not.toContain(id);
    const effortId = await newEffort();
    expect(await createContact(forged(), contactInput({ metThroughEffortId: effortId }))).toMatchObject({ ok: false });
    expect(await getContact(ownerCtx(), id)).toMatchObject({ name: 'Pat', version: 1 });
  });

  it('cannot read, add to, change or delete interactions', async () => {
    const { id, contactId } = await newInteraction();
    expect(await listInteractions(forged(), contactId)).toEqual([]);
    expect(
      await createInteraction(forged(), interactionSchema.parse({ contactId, date: '2026-01-09', kind: 'email', direction: 'outbound', notes: '' })),
    ).toMatchObject({ ok: false });
    expect(await updateInteraction(forged(), { id, date: '2026-01-10', kind: 'meeting', direction: 'mutual', notes: '' })).toMatchObject({ ok: false });
    expect(await deleteInteraction(forged(), id)).toMatchObject({ ok: false });
    expect((await listInteractions(ownerCtx(), contactId)).map((i) => [i.id, i.kind])).toEqual([[id, 'call']]);
  });

  it('cannot read, change or delete opportunities, nor link a contact', async () => {
    const id = await newOpportunity();
    expect(await getOpportunity(forged(), id)).toBeNull();
    expect(await updateOpportunity(forged(), { ...opportunityInput(), id, version: 1 })).toMatchObject({ ok: false });
    expect(await deleteOpportunity(forged(), id)).toMatchObject({ ok: false });
    const contactId = await newContact();
    expect(await createOpportunity(forged(), { ...opportunityInput(), contactId })).toMatchObject({ ok: false });
    expect(await getOpportunity(ownerCtx(), id)).toMatchObject({ title: 'Gig' });
  });

  it('cannot reach members, invitations, comments or notes', async () => {
    const member = await newMember('viewer');
    expect(await changeMemberRole(forged(), { userId: member, role: 'editor' })).toMatchObject({ ok: false });
    expect(await removeMember(forged(), member)).toMatchObject({ ok: false });
    expect((await getMembership(member, ws))?.role).toBe('viewer');
    expect((await listMembers(forged())).map((m) => m.userId)).not.toContain(member);

    const invitation = await newInvitation();
    expect(await revokeInvitation(forged(), invitation)).toMatchObject({ ok: false });
    expect((await listPendingInvitations(ownerCtx())).map((i) => i.id)).toContain(invitation);

    const comment = await newComment(ids.coach);
    expect(await deleteComment(forged(), comment)).toMatchObject({ ok: false });
    expect(await updateComment({ ...forged(), userId: ids.coach }, { id: comment, body: 'x' })).toMatchObject({ ok: false });
    const effortId = await newEffort();
    expect(await addComment(forged(), commentSchema.parse({ entity: 'effort', entityId: effortId, body: 'x' }))).toMatchObject({
      fieldErrors: { entityId: expect.any(Array) },
    });
    expect((await listComments(forged(), { entity: 'dashboard', entityId: null })).items).toEqual([]);

    const note = await newNote(ids.coach);
    const coachElsewhere: WorkspaceCtx = { userId: ids.coach, workspaceId: otherWs, role: 'coach' };
    expect((await listCoachNotes(coachElsewhere)).map((n) => n.id)).not.toContain(note);
    expect(await deleteCoachNote(coachElsewhere, note)).toMatchObject({ ok: false });
    expect((await listCoachNotes({ userId: ids.coach, workspaceId: ws, role: 'coach' })).find((n) => n.id === note)).toMatchObject({ body: 'private' });
  });

  it('cannot record a calendar meeting with another workspace’s contact', async () => {
    const { id, email } = await contactWithEmail();
    const plan = await importCalendar(forged(), meeting(email), null, { today: '2026-02-01' });
    expect(plan.meetingCount).toBe(0);
    expect(await listInteractions(ownerCtx(), id)).toEqual([]);
  });

  it('cannot see, accept or dismiss another workspace’s forwarded mail', async () => {
    const id = await newReview();
    expect(await listMailReview(forged())).toEqual([]);
    expect(await acceptMailReview(forged(), id)).toMatchObject({ ok: false });
    expect(await dismissMailReview(forged(), id)).toMatchObject({ ok: false });
    expect((await listMailReview(ownerCtx())).map((r) => r.id)).toContain(id);
  });

  it('cannot read, change or remove another workspace’s goals, nor count its records', async () => {
    const id = await newGoal();
    await newContact();
    expect((await listGoalProgress(forged(), week)).map((g) => g.id)).not.toContain(id);
    expect(await deleteGoal(forged(), id)).toMatchObject({ ok: false });
    expect(await setGoal(forged(), { channel: 'interviews', measure: 'efforts', target: 9 })).toEqual({ id: expect.any(String) });
    expect((await listGoalProgress(ownerCtx(), week)).find((g) => g.id === id)).toMatchObject({ target: 2 });
    // A context forged at this workspace for a user who is not a member finds no figures.
    expect(await rosterRowOf({ userId: ids.other, workspaceId: ws, role: 'owner' })).toBeNull();
  });

  it('changes only its own workspace’s settings', async () => {
    await updateWorkspaceSettings(forged(), { name: 'Renamed elsewhere', targetNiche: '', hourlyValue: null, currency: 'EUR', defaultCadenceDays: 60 });
    expect(await getWorkspace(ownerCtx())).toMatchObject({ name: 'Client' });
  });
});

describe('the roster of a coach of two clients', () => {
  it('keeps each client’s records to that client’s row, withholds pooled figures, and drops a removed client at once', async () => {
    const coach = await person('two-client-coach');
    const [a] = await handle.db.insert(workspaces).values({ name: 'Client A' }).returning({ id: workspaces.id });
    const [b] = await handle.db.insert(workspaces).values({ name: 'Client B' }).returning({ id: workspaces.id });
    for (const w of [a.id, b.id]) await handle.db.insert(memberships).values({ workspaceId: w, userId: coach, role: 'coach' });
    await handle.db.insert(contacts).values([
      { workspaceId: b.id, name: 'B cold', cadenceDays: 7, metOn: '2025-12-01' },
      { workspaceId: b.id, name: 'B late', nextFollowUpOn: '2026-01-15' },
    ]);
    await newGoal(b.id);
    const ctxA: WorkspaceCtx = { userId: coach, workspaceId: a.id, role: 'coach' };
    // A's pages: its figures and goals hold nothing of B's.
    expect(await rosterRowOf(ctxA)).toMatchObject({ goingCold: 0, followUpsOverdue: 0, hasRecords: false });
    expect(await listGoalProgress(ctxA, week)).toEqual([]);
    expect(await deleteGoal(ctxA, (await listGoalProgress({ ...ctxA, workspaceId: b.id }, week))[0].id)).toMatchObject({ ok: false });

    const roster = await getRoster(coach, { today: '2026-02-01' });
    const row = (id: string) => roster.clients.find((r) => r.workspaceId === id)!;
    expect(row(a.id)).toMatchObject({ goingCold: 0, followUpsOverdue: 0, goals: [] });
    expect(row(b.id)).toMatchObject({ goingCold: 1, followUpsOverdue: 1 });
    expect(row(b.id).goals).toHaveLength(1);
    // Two clients: nothing pooled is shown, nor used as a prior.
    expect(roster.poolSize).toBe(0);
    expect(roster.benchmarks.every((x) => x.withheld && x.value === null)).toBe(true);

    await handle.db.delete(memberships).where(and(eq(memberships.workspaceId, b.id), eq(memberships.userId, coach)));
    expect((await getRoster(coach, { today: '2026-02-01' })).clients.map((r) => r.workspaceId)).toEqual([a.id]);
  });
});
