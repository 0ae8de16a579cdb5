/**
 * The domain rules every screen shares, written once. Where SQL needs a rule it calls the function
 * of the same name (drizzle/0012_rules.sql); lib/rules.test.ts checks that both agree.
 */
import { addDays } from './dates';

/** Drinks above this count at one event are "past the limit". */
export const DRINK_LIMIT = 2;

/** Drinks past the limit at one event (SQL: drinks_past_limit). */
export function drinksPastLimit(drinks: number | null | undefined): number {
  return Math.max((drinks ?? 0) - DRINK_LIMIT, 0);
}

/** Days after an interview before a missing thank-you is flagged and reminded. */
export const THANK_YOU_GRACE_DAYS = 2;

export interface CadenceFacts {
  lastTouchOn: string | null;
  metOn: string | null;
  /** The day the contact was added, in UTC. */
  createdOn: string;
  cadenceDays: number | null;
}

/** Where a keep-in-touch cadence runs from: the last touch, else the day you met (a touch too), else the day added. */
export function contactTouchAnchor(c: CadenceFacts): string {
  return c.lastTouchOn ?? c.metOn ?? c.createdOn;
}

/** The keep-in-touch date of a contact (SQL: contact_due_on); null without a cadence. */
export function contactDueOn(c: CadenceFacts): string | null {
  if (c.cadenceDays === null) return null;
  return addDays(contactTouchAnchor(c), c.cadenceDays);
}

/** Going cold: the keep-in-touch date has passed (not merely arrived). `today` is YYYY-MM-DD. */
export function isGoingCold(c: CadenceFacts, today: string): boolean {
  const due = contactDueOn(c);
  return due !== null && due < today;
}
