import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { reminderSends } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { appOrigin, authSecret } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import type { RenderedMail } from '@/lib/mail-templates';
import { expiresIn, UNSUBSCRIBE_LINK_TTL_DAYS, type ReminderKind } from '@/lib/reminders/links';
import { dailySlot, weeklySlot } from '@/lib/reminders/time';
import { executor } from '../context';
import { buildDaily } from './daily';
import { reminderLinkUrl } from './links';
import { recipients, type MailBasics, type Recipient, type SendOptions } from './recipients';
import { buildCoachWeekly, buildWeekly } from './weekly';

// The scheduled run: each message to each person at most once per period, claimed before it is sent.

export type RunOptions = Partial<SendOptions>;

export interface RunSummary {
  daily: number;
  weekly: number;
  coachWeekly: number;
  failed: number;
}

async function alreadyClaimed(db: Executor, userId: string, kind: ReminderKind, periodKey: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reminderSends.id })
    .from(reminderSends)
    .where(and(eq(reminderSends.userId, userId), eq(reminderSends.kind, kind), eq(reminderSends.periodKey, periodKey)))
    .limit(1);
  return Boolean(row);
}

/**
 * Claims the message in the database before it is sent: of two runs racing, only the one whose
 * insert returns a row sends, so nobody gets a message twice.
 */
async function sendOnce(
  db: Executor,
  user: Recipient,
  kind: ReminderKind,
  periodKey: string,
  mail: { subject: string; text: string; html: string; unsubscribeUrl: string },
): Promise<'sent' | 'taken' | 'failed'> {
  const [claim] = await db
    .insert(reminderSends)
    .values({ userId: user.id, kind, periodKey })
    .onConflictDoNothing({ target: [reminderSends.userId, reminderSends.kind, reminderSends.periodKey] })
    .returning({ id: reminderSends.id });
  if (!claim) return 'taken';
  try {
    await sendMail({
      to: user.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  } catch (err) {
    // Release the claim so a later run tries again.
    await db.delete(reminderSends).where(eq(reminderSends.id, claim.id));
    console.error('[reminders] sending failed', (err as Error).message);
    return 'failed';
  }
  await db.update(reminderSends).set({ sentAt: new Date() }).where(eq(reminderSends.id, claim.id));
  return 'sent';
}


/**
 * One scheduled pass: every opted-in person with a confirmed address whose local send time has
 * come gets each message at most once per local day (daily) or ISO week (weekly). Safe to run
 * often and concurrently; nothing is queued.
 */
export async function runReminders(options: RunOptions = {}): Promise<RunSummary> {
  const opts: SendOptions = {
    now: options.now ?? clockNow(),
    origin: options.origin ?? appOrigin(),
    secret: options.secret ?? authSecret(),
  };
  const db = await executor();
  const summary: RunSummary = { daily: 0, weekly: 0, coachWeekly: 0, failed: 0 };

  for (const user of await recipients(db)) {
    /** Builds and sends one kind of message for its period unless it already went out. */
    const offer = async (
      kind: ReminderKind,
      counter: Exclude<keyof RunSummary, 'failed'>,
      periodKey: string,
      build: (basics: MailBasics) => Promise<RenderedMail | null>,
    ) => {
      if (await alreadyClaimed(db, user.id, kind, periodKey)) return;
      const exp = expiresIn(opts.now, UNSUBSCRIBE_LINK_TTL_DAYS);
      const unsubscribeUrl = reminderLinkUrl({ purpose: 'unsubscribe', userId: user.id, kind, exp }, opts.origin, opts.secret);
      // Nothing to say means no e-mail and no claim: something falling due later that day still goes out.
      const mail = await build({ userName: user.name, origin: opts.origin, unsubscribeUrl });
      if (!mail) return;
      const result = await sendOnce(db, user, kind, periodKey, { ...mail, unsubscribeUrl });
      if (result === 'sent') summary[counter] += 1;
      if (result === 'failed') summary.failed += 1;
    };
    const daily = dailySlot(user, opts.now);
    if (daily) await offer('daily', 'daily', daily.periodKey, (basics) => buildDaily(db, user, daily.today, opts, basics));
    const weekly = weeklySlot(user, opts.now);
    if (weekly && user.weeklyEnabled) await offer('weekly', 'weekly', weekly.periodKey, (basics) => buildWeekly(db, user, weekly, basics));
    if (weekly && user.coachWeeklyEnabled) {
      await offer('coach_weekly', 'coachWeekly', weekly.periodKey, (basics) => buildCoachWeekly(db, user, weekly, basics));
    }
  }
  return summary;
}
