import { channelVerb } from './channels';
import { formatHours, formatMoney, joinList, pluralize } from './format';
import type { ChannelResult } from './types';
import { MAX_STRETCH_TITLES, RECOMMENDATION_PRIORITY } from './weights';

export interface RecommendInput {
  /** Scored channels, best first (as computePayoff returns them). */
  channels: ChannelResult[];
  /** Phrase that ends "took 18 h …", e.g. "this quarter"; may be empty. */
  periodLabel: string;
  currency: string;
  goingCold: { count: number; days: number };
  unrelatedStretch: { title: string }[];
  /** Profile checklist items still missing, e.g. ['affiliations', 'hobbies']. */
  linkedinMissing: string[];
  /** Informational interviews without a thank-you sent. */
  thankYousMissing: number;
  /** When set, a count above it (going cold, thank-yous) was cut off there and means "more than". */
  countCap?: number;
}

export interface Recommendation {
  id: string;
  /** Rank of the rule that produced it; 1 comes first. */
  priority: number;
  text: string;
}

const LINKEDIN_ITEM_LABELS: Record<string, string> = {
  summary: 'a summary',
  workHistory: 'work history',
  work_history: 'work history',
  'work history': 'work history',
  affiliations: 'affiliations',
  degrees: 'degrees',
  hobbies: 'hobbies',
};

/** What to do instead with a channel that drains time; events keep their one good use. */
const DRAIN_ADVICE: Partial<Record<ChannelResult['channel'], string>> = {
  events: 'keep them for follow-ups with existing clients',
};
const DEFAULT_DRAIN_ADVICE = 'cut back, or change how you use this channel';

function drainParts(channel: ChannelResult): string[] {
  const { pitches, advances, drinksOverTwo, jobSeekerAsks } = channel.drain;
  return [
    ...(pitches > 0 ? [pluralize(pitches, 'pitch', 'pitches')] : []),
    ...(advances > 0 ? [pluralize(advances, 'advance')] : []),
    ...(drinksOverTwo > 0 ? [pluralize(drinksOverTwo, 'drink over two', 'drinks over two')] : []),
    ...(jobSeekerAsks > 0
      ? [pluralize(jobSeekerAsks, 'request for work from a job seeker', 'requests for work from job seekers')]
      : []),
  ];
}

function timeDrainText(channel: ChannelResult, periodLabel: string, money: (n: number) => string): string {
  const invested = joinList([
    ...(channel.hours > 0 ? [formatHours(channel.hours)] : []),
    ...(channel.money > 0 ? [money(channel.money)] : []),
  ]);
  const period = periodLabel.trim() ? ` ${periodLabel.trim()}` : '';
  const returns =
    channel.opportunities === 0 ? 'no opportunity' : channel.won === 0 ? 'no win' : `only ${money(channel.wonValue)}`;
  const drain = drainParts(channel);
  const brought = drain.length > 0 ? `${returns} and ${joinList(drain)}` : returns;
  const advice = DRAIN_ADVICE[channel.channel] ?? DEFAULT_DRAIN_ADVICE;
  return `${channel.name} took ${invested}${period}, brought ${brought}: ${advice}.`;
}

function promisingSign(channel: ChannelResult, money: (n: number) => string): string {
  if (Math.abs(channel.won - 1) < 1e-9) return `one win of ${money(channel.wonValue)}`;
  if (channel.won > 0) return `${pluralize(channel.won, 'win')} worth ${money(channel.wonValue)}`;
  if (channel.opportunities > 0) return pluralize(channel.opportunities, 'opportunity', 'opportunities');
  const r = channel.contactsRemembered;
  return `${pluralize(r, 'contact')} who ${r === 1 ? 'remembers' : 'remember'} you`;
}

/**
 * Every piece of advice that applies, in plain sentences, most important first; none is dropped
 * (the page shows the first few and the rest behind "N more"). Rules and their order are described
 * in docs/payoff.md; ranks live in weights.ts.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  const money = (amount: number) => formatMoney(amount, input.currency);
  // Channels arrive ranked (computePayoff): the cautious end of the range first.
  const channels = input.channels;
  const out: Recommendation[] = [];

  // A drain that took time or money; a channel that cost nothing is not draining anything.
  const drains = channels
    .filter((c) => c.verdict === 'Time drain' && (c.hours > 0 || c.money > 0))
    .sort((a, b) => b.cost - a.cost || b.hours - a.hours);
  for (const channel of drains) {
    out.push({
      id: `time-drain-${channel.channel}`,
      priority: RECOMMENDATION_PRIORITY.timeDrain,
      text: timeDrainText(channel, input.periodLabel, money),
    });
  }

  const best = channels.find((c) => c.verdict === 'Pays off');
  if (best) {
    const evidence =
      best.valuePerHour !== null
        ? `${money(best.valuePerHour)} an hour so far`
        : `${money(best.wonValue)} won for ${money(best.cost)}`;
    out.push({
      id: `best-channel-${best.channel}`,
      priority: RECOMMENDATION_PRIORITY.bestChannel,
      text: `${best.name} ${channelVerb(best.channel, 'pays', 'pay')} off: ${evidence} — do more of ${channelVerb(best.channel, 'it', 'them')}.`,
    });
  }

  for (const promising of channels.filter((c) => c.verdict === 'Promising')) {
    const tell = promising.moreHoursToTell !== null ? `about ${promising.moreHoursToTell} more hours will tell whether it holds` : `keep going before judging ${channelVerb(promising.channel, 'it', 'them')}`;
    out.push({
      id: `promising-${promising.channel}`,
      priority: RECOMMENDATION_PRIORITY.promising,
      text:
        `${promising.name} ${channelVerb(promising.channel, 'looks', 'look')} promising: ${promisingSign(promising, money)} from ${formatHours(promising.hours)} so far` +
        ` — ${tell}.`,
    });
  }

  const counted = (n: number, noun: string) =>
    input.countCap !== undefined && n > input.countCap ? `More than ${pluralize(input.countCap, noun)}` : pluralize(n, noun);

  const cold = input.goingCold;
  if (cold.count > 0) {
    out.push({
      id: 'going-cold',
      priority: RECOMMENDATION_PRIORITY.goingCold,
      text: `${counted(cold.count, 'contact')} ${cold.count === 1 ? 'has' : 'have'} gone cold (no touch in ${pluralize(cold.days, 'day')}).`,
    });
  }

  const stretch = input.unrelatedStretch;
  if (stretch.length > 0) {
    const named = stretch.slice(0, MAX_STRETCH_TITLES).map((s) => `“${s.title}”`);
    const more = stretch.length - named.length;
    const list = joinList(more > 0 ? [...named, `${more} more`] : named);
    out.push({
      id: 'unrelated-stretch',
      priority: RECOMMENDATION_PRIORITY.unrelatedStretch,
      text:
        stretch.length === 1
          ? `Stretch project ${list} is unrelated to your niche.`
          : `Stretch projects ${list} are unrelated to your niche.`,
    });
  }

  const thanks = input.thankYousMissing;
  if (thanks > 0) {
    out.push({
      id: 'thank-yous',
      priority: RECOMMENDATION_PRIORITY.thankYous,
      text: `${counted(thanks, 'informational interview')} ${thanks === 1 ? 'has' : 'have'} no thank-you sent yet.`,
    });
  }

  if (input.linkedinMissing.length > 0) {
    const items = input.linkedinMissing.map((item) => LINKEDIN_ITEM_LABELS[item] ?? item);
    out.push({
      id: 'linkedin-profile',
      priority: RECOMMENDATION_PRIORITY.linkedinProfile,
      text: `Your LinkedIn profile lacks ${joinList(items)}.`,
    });
  }

  // Array.prototype.sort is stable, so within a rule the order above is kept.
  return out.sort((a, b) => a.priority - b.priority);
}
