import { daysBetween } from '@/lib/dates';
import { drinksPastLimit, THANK_YOU_GRACE_DAYS } from '@/lib/rules';
import type { ChannelKey } from '@/lib/payoff/channels';

export type FlagKey = 'drinks' | 'pitches' | 'jobSeekers' | 'unrelated' | 'thankYou';

export interface Flag {
  key: FlagKey;
  label: string;
  /** How a badge shows it; both read as warnings without colour because the label says it. */
  tone: 'warn' | 'bad';
  /** One sentence on why it matters, for titles and the detail page. */
  reason: string;
}

/** What the flag rules look at; list rows and full efforts both fit. */
export interface FlaggableEffort {
  channel: ChannelKey;
  date: string;
  drinks?: number | null;
  pitches?: number | null;
  advances?: number | null;
  jobSeekerAsks?: number | null;
  usefulContacts?: number | null;
  similarity?: 'unrelated' | 'adjacent' | 'close' | 'core' | null;
  thankYouSent?: boolean | null;
}


/** The warnings an effort deserves, in a fixed order; `today` is YYYY-MM-DD. */
export function effortFlags(effort: FlaggableEffort, { today }: { today: string }): Flag[] {
  const flags: Flag[] = [];
  if (effort.channel === 'events') {
    if (drinksPastLimit(effort.drinks) > 0) {
      flags.push({
        key: 'drinks',
        label: 'Past two drinks',
        tone: 'bad',
        reason: 'Events only pay off for sober follow-ups with people you already know; stop at the second drink.',
      });
    }
    // Pitches weigh against the useful contacts made, not against everyone met there.
    if ((effort.pitches ?? 0) > (effort.usefulContacts ?? 0)) {
      flags.push({
        key: 'pitches',
        label: 'More pitches than useful contacts',
        tone: 'warn',
        reason: 'You received more unrelated sales pitches than you made useful contacts.',
      });
    }
    if ((effort.jobSeekerAsks ?? 0) > 0) {
      flags.push({
        key: 'jobSeekers',
        label: 'Job seekers asked you for work',
        tone: 'warn',
        reason: 'Rooms full of people looking for work rarely lead to work: choose events where clients come.',
      });
    }
  }
  if (effort.channel === 'stretch' && effort.similarity === 'unrelated') {
    flags.push({
      key: 'unrelated',
      label: 'Unrelated to your niche',
      tone: 'warn',
      reason: 'Stretch work only counts when it is close to the niche you want to be hired for.',
    });
  }
  if (effort.channel === 'interviews' && effort.thankYouSent !== true && daysBetween(effort.date, today) > THANK_YOU_GRACE_DAYS) {
    flags.push({
      key: 'thankYou',
      label: 'Thank-you not sent',
      tone: 'warn',
      reason: 'A thank-you within two days keeps you first in the interviewer’s mind.',
    });
  }
  return flags;
}
