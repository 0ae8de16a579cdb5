// What a person should follow up on today: pure, fed with records and a date, shared by the
// daily e-mail and the dashboard's "Due today" list so both always agree.
import { contactDueOn, contactTouchAnchor, isGoingCold } from '@/lib/rules';
import { addDays, daysBetween, formatDate } from '@/lib/dates';

/** Interview thank-yous are due this many days after the interview. */
export const THANK_YOU_AFTER_DAYS = 2;
/** An open opportunity with no change for this many days needs a nudge. */
export const STALE_OPPORTUNITY_DAYS = 14;
export const OPEN_STAGES = ['lead', 'talking', 'proposal'] as const;

export interface ContactCandidate {
  id: string;
  name: string;
  company: string;
  cadenceDays: number | null;
  lastTouchOn: string | null;
  metOn: string | null;
  /** The day the contact was added (UTC): a cadence with no touch yet runs from there. */
  createdOn: string;
  nextFollowUpOn: string | null;
}

export interface EffortCandidate {
  id: string;
  title: string;
  channel: string;
  date: string;
  thankYouSent: boolean | null;
  followUpOn: string | null;
}

export interface OpportunityCandidate {
  id: string;
  title: string;
  stage: string;
  /** The day it last changed (UTC). */
  updatedOn: string;
}

export type DueKind = 'contact' | 'effort' | 'opportunity';

export interface DueItem {
  /** Names this occurrence: when the record moves on (a new touch, a new date) the key changes. */
  key: string;
  kind: DueKind;
  workspaceId: string;
  recordId: string;
  title: string;
  reasons: string[];
  /** Path of the record in the app. */
  path: string;
  /** The date it became due; oldest first. */
  dueSince: string;
}

/** until null = done; a date = snoozed until then (hidden while later than today). */
export type SnoozeMap = ReadonlyMap<string, string | null>;

export interface DueInput {
  workspaceId: string;
  today: string;
  contacts: ContactCandidate[];
  efforts: EffortCandidate[];
  opportunities: OpportunityCandidate[];
  snoozes?: SnoozeMap;
}

const KIND_PREFIX: Record<DueKind, string> = { contact: 'c', effort: 'e', opportunity: 'o' };
const PREFIX_KIND: Record<string, DueKind> = { c: 'contact', e: 'effort', o: 'opportunity' };
const KEY_SHAPE = /^([ceo]):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):[0-9A-Za-z:-]{0,60}$/;

/** The record an item key names, or null when the key is malformed. */
export function parseItemKey(key: unknown): { kind: DueKind; recordId: string } | null {
  if (typeof key !== 'string' || key.length > 120) return null;
  const m = KEY_SHAPE.exec(key);
  return m ? { kind: PREFIX_KIND[m[1]], recordId: m[2].toLowerCase() } : null;
}

function itemKey(kind: DueKind, id: string, ...parts: (string | null)[]): string {
  return [KIND_PREFIX[kind], id, ...parts.map((p) => p ?? '-')].join(':');
}

/** Path of a record in the app. */
export function recordPath(workspaceId: string, kind: DueKind, recordId: string): string {
  const segment = kind === 'contact' ? 'contacts' : kind === 'effort' ? 'efforts' : 'opportunities';
  return `/w/${workspaceId}/${segment}/${recordId}`;
}

/** Whether a snooze hides an item today. */
export function isHidden(snoozes: SnoozeMap | undefined, key: string, today: string): boolean {
  if (!snoozes || !snoozes.has(key)) return false;
  const until = snoozes.get(key);
  return until === null || (until !== undefined && until > today);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function followUpReason(on: string, today: string): string {
  return on === today ? 'Follow-up planned for today' : `Follow-up planned for ${formatDate(on)}`;
}

/** Contacts past their cadence or follow-up date, interviews owing a thank-you or a follow-up, stale opportunities. */
export function computeDue(input: DueInput): DueItem[] {
  const { workspaceId, today, snoozes } = input;
  const items: DueItem[] = [];
  const push = (item: Omit<DueItem, 'workspaceId' | 'path'>) => {
    if (isHidden(snoozes, item.key, today)) return;
    items.push({ ...item, workspaceId, path: recordPath(workspaceId, item.kind, item.recordId) });
  };

  for (const c of input.contacts) {
    const anchor = contactTouchAnchor(c);
    const coldOn = contactDueOn(c);
    const reasons: string[] = [];
    const since: string[] = [];
    if (coldOn !== null && isGoingCold(c, today)) {
      reasons.push(`No touch in ${plural(daysBetween(anchor, today), 'day')}; you meant to keep in touch every ${plural(c.cadenceDays!, 'day')}`);
      since.push(addDays(coldOn, 1));
    }
    if (c.nextFollowUpOn !== null && c.nextFollowUpOn <= today) {
      reasons.push(followUpReason(c.nextFollowUpOn, today));
      since.push(c.nextFollowUpOn);
    }
    if (reasons.length === 0) continue;
    push({
      key: itemKey('contact', c.id, coldOn, c.nextFollowUpOn),
      kind: 'contact',
      recordId: c.id,
      title: c.company ? `${c.name} (${c.company})` : c.name,
      reasons,
      dueSince: since.sort()[0],
    });
  }

  const thanksBefore = addDays(today, -THANK_YOU_AFTER_DAYS);
  for (const e of input.efforts) {
    if (e.channel !== 'interviews') continue;
    const reasons: string[] = [];
    const since: string[] = [];
    const owesThanks = e.thankYouSent !== true && e.date < thanksBefore;
    if (owesThanks) {
      reasons.push(`Thank-you not sent for the interview on ${formatDate(e.date)}`);
      since.push(addDays(e.date, THANK_YOU_AFTER_DAYS + 1));
    }
    if (e.followUpOn !== null && e.followUpOn <= today) {
      reasons.push(followUpReason(e.followUpOn, today));
      since.push(e.followUpOn);
    }
    if (reasons.length === 0) continue;
    push({
      key: itemKey('effort', e.id, e.followUpOn, owesThanks ? 't' : null),
      kind: 'effort',
      recordId: e.id,
      title: e.title,
      reasons,
      dueSince: since.sort()[0],
    });
  }

  const staleBefore = addDays(today, -STALE_OPPORTUNITY_DAYS);
  for (const o of input.opportunities) {
    if (!(OPEN_STAGES as readonly string[]).includes(o.stage) || o.updatedOn >= staleBefore) continue;
    push({
      key: itemKey('opportunity', o.id, o.updatedOn),
      kind: 'opportunity',
      recordId: o.id,
      title: o.title,
      reasons: [`No change in ${plural(daysBetween(o.updatedOn, today), 'day')} (stage: ${o.stage === 'proposal' ? 'proposal/interview' : o.stage})`],
      dueSince: addDays(o.updatedOn, STALE_OPPORTUNITY_DAYS),
    });
  }

  return items.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
}
