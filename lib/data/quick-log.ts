import 'server-only';
import { contacts, effortContacts, efforts, timeEntries } from '@/db/schema';
import { assertCan } from '@/lib/permissions';
import type { QuickLogInput } from '@/lib/schemas/quick-log';
import { executor, type WorkspaceCtx } from './context';
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
        usefulContacts: isEvent ? input.usefulContacts : null,
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
