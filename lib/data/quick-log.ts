import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { contacts, effortContacts, efforts, timeEntries } from '@/db/schema';
import type { ChannelKey } from '@/lib/payoff/channels';
import { assertCan } from '@/lib/permissions';
import { fail, isFailure, Rollback, type ActionFailure } from '@/lib/result';
import type { QuickLogInput } from '@/lib/schemas/quick-log';
import type { QuickInterviewInput, QuickLinkedinInput, QuickOrgTimeInput, QuickReachedOutInput } from '@/lib/schemas/quick-paths';
import { addTimeEntry, createEffort } from './efforts';
import { createInteraction } from './interactions';
import { executor, inWorkspace, type WorkspaceCtx } from './context';
import { defaultCadenceDays } from './workspaces';

export interface QuickLogResult {
  id: string;
  contactIds: string[];
}

/**
 * Logs an effort with its one time entry, the people met there and their links, all or nothing.
 * Inside an action's transaction this runs as a savepoint; called alone it opens its own transaction.
 */
export async function quickLog(ctx: WorkspaceCtx, input: QuickLogInput): Promise<QuickLogResult> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  return db.transaction(async (tx) => {
    const isEvent = input.channel === 'events';
    const [effort] = await tx
      .insert(efforts)
      .values({
        workspaceId: ctx.workspaceId,
        channel: input.channel,
        title: input.title,
        date: input.date,
        hours: input.hours,
        moneySpent: input.moneySpent,
        drinks: isEvent ? input.drinks : null,
        pitches: isEvent ? input.pitches : null,
        advances: isEvent ? input.advances : null,
        jobSeekerAsks: isEvent ? input.jobSeekerAsks : null,
        // The people written down here were worth writing down: they count as useful unless said otherwise.
        usefulContacts: isEvent ? (input.usefulContacts ?? input.contacts.length) : null,
        details: isEvent ? {} : { helped: input.helped, what: input.what },
        createdBy: ctx.userId,
      })
      .returning({ id: efforts.id });

    await tx.insert(timeEntries).values({
      workspaceId: ctx.workspaceId,
      effortId: effort.id,
      date: input.date,
      hours: input.hours,
    });

    if (input.contacts.length === 0) return { id: effort.id, contactIds: [] };

    const cadenceDays = await defaultCadenceDays(tx, ctx.workspaceId);
    const made = await tx
      .insert(contacts)
      .values(
        input.contacts.map((c) => ({
          workspaceId: ctx.workspaceId,
          name: c.name,
          company: c.company,
          email: c.email,
          channel: input.channel,
          metOn: input.date,
          // Meeting someone is the first touch, so they are not "going cold" from day one.
          lastTouchOn: input.date,
          metThroughEffortId: effort.id,
          cadenceDays,
        })),
      )
      .returning({ id: contacts.id });

    await tx
      .insert(effortContacts)
      .values(made.map((c) => ({ workspaceId: ctx.workspaceId, effortId: effort.id, contactId: c.id })));

    return { id: effort.id, contactIds: made.map((c) => c.id) };
  });
}

/** Runs a quick path all or nothing; a refusal part-way rolls back what came before it. */
async function allOrNothing<T>(ctx: WorkspaceCtx, work: (inner: WorkspaceCtx & { tx: Executor }) => Promise<T>): Promise<T | ActionFailure> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  try {
    return await db.transaction((tx) => work({ ...ctx, tx }));
  } catch (err) {
    if (err instanceof Rollback) return err.result;
    throw err;
  }
}

/** The result, or a rollback of the whole quick path with its failure. */
function unwrap<T>(result: T | ActionFailure): T {
  if (isFailure(result)) throw new Rollback(result);
  return result;
}

const CONTACT_GONE = 'That contact is no longer in this workspace. Choose another or type the name.';

/** A new contact met on a day, starting with the workspace's cadence; its channel when known. */
async function addPerson(
  ctx: WorkspaceCtx & { tx: Executor },
  person: { name: string; company?: string; role?: string; channel: ChannelKey | null; metOn: string | null; effortId?: string; followUpOn?: string | null },
): Promise<string> {
  const [row] = await ctx.tx
    .insert(contacts)
    .values({
      workspaceId: ctx.workspaceId,
      name: person.name,
      company: person.company ?? '',
      role: person.role ?? '',
      channel: person.channel,
      metOn: person.metOn,
      lastTouchOn: person.metOn,
      metThroughEffortId: person.effortId ?? null,
      nextFollowUpOn: person.followUpOn ?? null,
      cadenceDays: await defaultCadenceDays(ctx.tx, ctx.workspaceId),
    })
    .returning({ id: contacts.id });
  return row.id;
}

async function requireContact(ctx: WorkspaceCtx & { tx: Executor }, id: string): Promise<string> {
  const [row] = await ctx.tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(inWorkspace(contacts, id, ctx.workspaceId))
    .limit(1);
  if (!row) throw new Rollback(fail(CONTACT_GONE, { contactId: [CONTACT_GONE] }));
  return row.id;
}

/** The one contact of the workspace with exactly this name (any case), so a typed name finds who is already there. */
async function contactNamed(ctx: WorkspaceCtx & { tx: Executor }, name: string): Promise<string | null> {
  const rows = await ctx.tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), sql`lower(${contacts.name}) = lower(${name})`))
    .limit(2);
  return rows.length === 1 ? rows[0].id : null;
}

/**
 * An informational interview: the effort, and the person — picked from the contacts or added as a
 * new contact met through it, with the follow-up date as their next follow-up.
 */
export async function quickInterview(ctx: WorkspaceCtx, input: QuickInterviewInput): Promise<{ id: string; contactId: string } | ActionFailure> {
  return allOrNothing(ctx, async (inner) => {
    const existing = input.contactId ? await requireContact(inner, input.contactId) : await contactNamed(inner, input.personName);
    let person = input.personName;
    if (existing) {
      const [c] = await inner.tx.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, existing));
      person = c.name;
    }
    const effort = unwrap(
      await createEffort(inner, {
        channel: 'interviews',
        title: `Informational interview with ${person}`.slice(0, 120),
        date: input.date,
        hours: input.hours,
        moneySpent: null,
        notes: '',
        contactIds: existing ? [existing] : [],
        person,
        company: input.company,
        personRole: input.personRole,
        questions: '',
        learned: input.learned,
        thankYouSent: input.thankYouSent,
        followUpOn: input.followUpOn,
      }),
    );
    let contactId = existing;
    if (!contactId) {
      contactId = await addPerson(inner, {
        name: input.personName,
        company: input.company,
        role: input.personRole,
        channel: 'interviews',
        metOn: input.date,
        effortId: effort.id,
        followUpOn: input.followUpOn,
      });
      await inner.tx.insert(effortContacts).values({ workspaceId: ctx.workspaceId, effortId: effort.id, contactId });
    } else if (input.followUpOn) {
      await inner.tx
        .update(contacts)
        .set({ nextFollowUpOn: input.followUpOn })
        .where(inWorkspace(contacts, contactId, ctx.workspaceId));
    }
    return { id: effort.id, contactId };
  });
}

/** "They reached out": an inbound interaction with a contact, added first when only a name was typed. */
export async function quickReachedOut(ctx: WorkspaceCtx, input: QuickReachedOutInput): Promise<{ id: string; contactId: string } | ActionFailure> {
  return allOrNothing(ctx, async (inner) => {
    const contactId = input.contactId
      ? await requireContact(inner, input.contactId)
      : ((await contactNamed(inner, input.personName)) ?? (await addPerson(inner, { name: input.personName, channel: null, metOn: null })));
    const made = unwrap(
      await createInteraction(inner, { contactId, date: input.date, kind: input.kind, direction: 'inbound', notes: input.notes }),
    );
    return { id: made.id, contactId };
  });
}

const NOT_A_MEMBERSHIP = 'That organization is no longer among your memberships. Choose another.';

/** Time at an organization: a time entry on one of the workspace's organization memberships. */
export async function quickOrgTime(ctx: WorkspaceCtx, input: QuickOrgTimeInput): Promise<{ id: string; effortId: string } | ActionFailure> {
  return allOrNothing(ctx, async (inner) => {
    const [membership] = await inner.tx
      .select({ id: efforts.id })
      .from(efforts)
      .where(and(eq(efforts.id, input.effortId), eq(efforts.workspaceId, ctx.workspaceId), eq(efforts.channel, 'organizations')))
      .limit(1);
    if (!membership) throw new Rollback(fail(NOT_A_MEMBERSHIP, { effortId: [NOT_A_MEMBERSHIP] }));
    return unwrap(await addTimeEntry(inner, membership.id, { date: input.date, hours: input.hours, note: input.note }));
  });
}

/** A sitting of LinkedIn work, as a LinkedIn effort with its counts. */
export async function quickLinkedin(ctx: WorkspaceCtx, input: QuickLinkedinInput): Promise<{ id: string } | ActionFailure> {
  return allOrNothing(ctx, async (inner) =>
    unwrap(
      await createEffort(inner, {
        channel: 'linkedin',
        title: 'LinkedIn work',
        date: input.date,
        hours: input.hours,
        moneySpent: null,
        notes: input.notes,
        contactIds: [],
        messages: input.messages,
        posts: input.posts,
        meetings: input.meetings,
        connections: input.connections,
      }),
    ),
  );
}

/** The workspace's organization memberships, for the time-at-an-organization picker (current ones first). */
export async function listMembershipChoices(ctx: WorkspaceCtx): Promise<{ id: string; title: string }[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  return db
    .select({ id: efforts.id, title: efforts.title })
    .from(efforts)
    .where(and(eq(efforts.workspaceId, ctx.workspaceId), eq(efforts.channel, 'organizations')))
    .orderBy(sql`(${efforts.details}->>'leftOn') is not null`, desc(efforts.date), asc(efforts.id))
    .limit(100);
}

/** The contacts touched most recently, for one-tap choices. */
export async function listRecentContacts(ctx: WorkspaceCtx, limit = 6): Promise<{ id: string; name: string }[]> {
  assertCan(ctx, 'workspace.read');
  const db = await executor(ctx);
  return db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(eq(contacts.workspaceId, ctx.workspaceId))
    .orderBy(sql`${contacts.lastTouchOn} desc nulls last`, desc(contacts.createdAt), asc(contacts.id))
    .limit(Math.min(Math.max(limit, 1), 20));
}
