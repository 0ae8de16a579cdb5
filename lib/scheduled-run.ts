import 'server-only';
import { pruneIdempotencyKeys } from '@/lib/action';
import { runReminders, type RunOptions, type RunSummary } from '@/lib/data/reminders/schedule';
import { pruneUserSessions, SESSION_IDLE_MS } from '@/lib/data/sessions';
import { pruneThrottles, THROTTLE_MEMORY_MS } from '@/lib/data/throttle';

export interface ScheduledRun {
  sent: RunSummary;
  prunedSubmissionKeys: number;
}

/**
 * Everything the schedule runs: the reminder e-mails, then the upkeep of tables that would only
 * grow (records of finished submissions past their day, rate-limit counters and device sessions
 * that can no longer affect anything). Upkeep goes by the wall clock, which stamped those rows.
 */
export async function runScheduled(reminders: RunOptions = {}, { at = new Date() }: { at?: Date } = {}): Promise<ScheduledRun> {
  const sent = await runReminders(reminders);
  const prunedSubmissionKeys = await pruneIdempotencyKeys(at);
  await pruneThrottles(new Date(at.getTime() - THROTTLE_MEMORY_MS), { now: at });
  await pruneUserSessions(new Date(at.getTime() - SESSION_IDLE_MS));
  return { sent, prunedSubmissionKeys };
}
