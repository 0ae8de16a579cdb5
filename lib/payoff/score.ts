import type { ChannelCredit } from './attribution';
import { median } from './attribution';
import { channelName, type ChannelKey } from './channels';
import { estimateRate, gammaQuantile, wilsonInterval, type RateEstimate } from './estimate';
import { formatHours, formatMoney, formatNumber, formatPercent, joinList, pluralize } from './format';
import { ROLLUP_SUMS, type ChannelResult, type ChannelTotals, type DrainBreakdown, type Estimate, type Grade, type PooledPrior, type RollupSum, type Verdict } from './types';
import {
  DEFAULT_HOURLY_VALUE,
  DEFAULT_REMEMBER_RATE,
  FIRST_WIN_HOURS,
  DRAIN_HIGH,
  GRADE_MULTIPLES,
  MATURING_DAYS,
  MIN_PRIOR_EVENTS,
  MORE_HOURS_STEPS,
  PRIOR_CONTACTS,
  PRIOR_HOURS,
  PRIOR_WINS,
  RANGE,
  RANK_P,
} from './weights';

const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** Letter grade of a value per hour measured against the yardstick (the person's hourly value). */
export function gradeFor(valuePerHour: number, yardstick: number): Grade {
  const multiple = yardstick > 0 ? valuePerHour / yardstick : 0;
  for (const [grade, min] of GRADE_MULTIPLES) if (multiple >= min) return grade;
  return 'F';
}

/**
 * The grade of an estimate, or null ("too early") when the two ends of its range are more than
 * one grade apart: then the data cannot yet tell the grades apart.
 */
export function gradeOfRange(value: Estimate, yardstick: number): Grade | null {
  const low = GRADE_ORDER.indexOf(gradeFor(value.low, yardstick));
  const high = GRADE_ORDER.indexOf(gradeFor(value.high, yardstick));
  return low - high <= 1 ? gradeFor(value.estimate, yardstick) : null;
}

/** Enough drain events, often enough, to call the channel draining. */
export function isDrainHigh(drainEvents: number, hours: number): boolean {
  if (drainEvents < DRAIN_HIGH.minEvents) return false;
  return hours <= 0 || drainEvents / hours >= DRAIN_HIGH.perHour;
}

/** Value per hour from a win rate and the value of a win: both ends of the range scale together. */
function valueOf(wins: RateEstimate, winValue: number): Estimate {
  return { estimate: wins.estimate * winValue, low: wins.low * winValue, high: wins.high * winValue };
}

function winRate(wins: number, hours: number, prior: PooledPrior): RateEstimate {
  return estimateRate(wins, hours, {
    priorRate: prior.winsPerHour,
    priorHours: PRIOR_HOURS,
    minPriorEvents: MIN_PRIOR_EVENTS,
    lowP: RANGE.lowP,
    highP: RANGE.highP,
  });
}

/** The value of one of this channel's wins: its own average pulled towards the person's typical win. */
export function winValueFor(wins: number, wonValue: number, typicalWin: number): number {
  return (wonValue + typicalWin * PRIOR_WINS) / (wins + PRIOR_WINS);
}

/**
 * About how many more hours, at the rate seen so far, would narrow the range to one grade;
 * null when even the last step would not.
 */
export function moreHoursToTell(wins: RateEstimate, winValue: number, yardstick: number): number | null {
  for (const extra of MORE_HOURS_STEPS) {
    const shape = wins.shape + wins.estimate * extra;
    const rate = wins.rate + extra;
    const projected = estimateRate(shape, rate, { priorRate: 0, priorHours: 0, minPriorEvents: 0, lowP: RANGE.lowP, highP: RANGE.highP });
    if (gradeOfRange(valueOf(projected, winValue), yardstick) !== null) return extra;
  }
  return null;
}

/** "four times", "twice", "about", "half", "a fifth of" — how a figure compares with the yardstick. */
export function multipleInWords(ratio: number): string {
  const words = ['', '', 'twice', 'three times', 'four times', 'five times', 'six times', 'seven times', 'eight times', 'nine times', 'ten times'];
  if (ratio >= 1.5) {
    const n = Math.round(ratio);
    return n <= 10 ? words[n]! : `${n} times`;
  }
  if (ratio >= 0.85) return ratio >= 1.15 ? 'a little above' : 'about';
  if (ratio >= 0.4) return 'half';
  if (ratio >= 0.3) return 'a third of';
  if (ratio >= 0.22) return 'a quarter of';
  if (ratio >= 0.1) return 'a fifth of';
  return ratio > 0 ? 'a small fraction of' : 'none of';
}

function drainParts(drain: DrainBreakdown): string[] {
  return [
    ...(drain.pitches > 0 ? [pluralize(drain.pitches, 'sales pitch', 'sales pitches')] : []),
    ...(drain.advances > 0 ? [pluralize(drain.advances, 'advance')] : []),
    ...(drain.drinksOverTwo > 0 ? [pluralize(drain.drinksOverTwo, 'drink past two', 'drinks past two')] : []),
    ...(drain.jobSeekerAsks > 0 ? [pluralize(drain.jobSeekerAsks, 'job seeker asking you for work', 'job seekers asking you for work')] : []),
  ];
}

function winsText(won: number, wonValue: number, money: (n: number) => string): string {
  if (Math.abs(won - 1) < 1e-9) return `One win of ${money(wonValue)}`;
  return `${pluralize(won, 'win')} worth ${money(wonValue)}`;
}

/**
 * The hours a channel is judged on: young hours that brought nothing yet are not held against it;
 * once something came back, every hour counts.
 */
export function judgedHoursOf(totals: ChannelTotals, credit: ChannelCredit): { maturingHours: number; judgedHours: number; cameBack: boolean } {
  const cameBack = credit.opportunities > 0 || totals.contactsRemembered > 0;
  const maturingHours = Math.min(Math.max(totals.maturingHours, 0), totals.hours);
  return { maturingHours, judgedHours: cameBack ? totals.hours : totals.hours - maturingHours, cameBack };
}

export interface ScoreOptions {
  hourlyValue: number;
  currency: string;
  prior: PooledPrior;
}

interface Judgement {
  grade: Grade | null;
  verdict: Verdict;
  reason: string;
}

function judge(c: {
  grade: Grade | null;
  won: number;
  opportunities: number;
  pipeline: number;
  contactsRemembered: number;
  drain: DrainBreakdown;
  hours: number;
  judgedHours: number;
  value: Estimate;
  yardstick: number;
  money: (n: number) => string;
}): Judgement {
  const { grade, money } = c;
  if (c.won === 0 && isDrainHigh(c.drain.total, c.hours)) {
    return {
      grade,
      verdict: 'Time drain',
      reason: `${joinList(drainParts(c.drain))} in ${formatHours(c.hours)}, and nothing won.`,
    };
  }
  if (grade === 'A' || grade === 'B') {
    return { grade, verdict: 'Pays off', reason: `An hour here returns ${money(c.value.low)} to ${money(c.value.high)}, above your ${money(c.yardstick)}.` };
  }
  if (grade === 'C') {
    return { grade, verdict: 'Break-even', reason: `An hour here returns about what your time is worth (${money(c.yardstick)}).` };
  }
  if (grade === 'D' || grade === 'F') {
    return { grade, verdict: 'Time drain', reason: `After ${formatHours(c.judgedHours)}, even the hopeful end of the range (${money(c.value.high)} an hour) is below your ${money(c.yardstick)}.` };
  }
  const signs = [
    ...(c.won > 0 ? [pluralize(c.won, 'win')] : []),
    ...(c.won === 0 && c.opportunities > 0 ? [pluralize(c.opportunities, 'opportunity', 'opportunities')] : []),
    ...(c.won === 0 && c.pipeline > 0 ? [`${money(c.pipeline)} in play`] : []),
    ...(c.contactsRemembered > 0 ? [pluralize(c.contactsRemembered, 'contact who remembers you', 'contacts who remember you')] : []),
  ];
  if (signs.length > 0) return { grade, verdict: 'Promising', reason: `Too early to grade, with good signs: ${joinList(signs)}.` };
  return { grade, verdict: 'Too early', reason: c.judgedHours > 0 ? `Too early to grade: nothing has come back from ${formatHours(c.judgedHours)} yet.` : 'Too early to grade: its hours are still maturing.' };
}

/** Everything the dashboard shows for one channel: invested, returned, estimates with ranges, grade, verdict, why. */
export function buildChannelResult(totals: ChannelTotals, credit: ChannelCredit, options: ScoreOptions): ChannelResult {
  const { hours, money, contactsMade, contactsRemembered } = totals;
  const prior = options.prior;
  const fmt = (amount: number) => formatMoney(amount, options.currency);
  const cost = hours * options.hourlyValue + money;
  const yardstickIsOwn = options.hourlyValue > 0;
  const yardstick = yardstickIsOwn ? options.hourlyValue : DEFAULT_HOURLY_VALUE;
  const drain: DrainBreakdown = {
    total: totals.pitches + totals.advances + totals.drinksOverTwo + totals.jobSeekerAsks,
    pitches: totals.pitches,
    advances: totals.advances,
    drinksOverTwo: totals.drinksOverTwo,
    jobSeekerAsks: totals.jobSeekerAsks,
  };
  const { maturingHours, judgedHours, cameBack } = judgedHoursOf(totals, credit);

  const wins = winRate(credit.won, judgedHours, prior);
  const winValue = winValueFor(credit.won, credit.wonValue, prior.typicalWin);
  const value = valueOf(wins, winValue);
  const grade = gradeOfRange(value, yardstick);
  const opps = estimateRate(credit.opportunities, judgedHours, {
    priorRate: prior.opportunitiesPerHour,
    priorHours: PRIOR_HOURS,
    minPriorEvents: MIN_PRIOR_EVENTS,
    lowP: RANGE.lowP,
    highP: RANGE.highP,
  });
  const remembered = Math.min(contactsRemembered, contactsMade);
  const remember =
    contactsMade > 0
      ? {
          estimate: (remembered + prior.rememberRate * PRIOR_CONTACTS) / (contactsMade + PRIOR_CONTACTS),
          ...wilsonInterval(remembered, contactsMade, RANGE.z),
        }
      : null;
  const judgement = judge({
    grade,
    won: credit.won,
    opportunities: credit.opportunities,
    pipeline: credit.pipeline,
    contactsRemembered,
    drain,
    hours,
    judgedHours,
    value,
    yardstick,
    money: fmt,
  });
  const more = grade === null ? moreHoursToTell(wins, winValue, yardstick) : null;
  const ownRate = hours > 0 ? credit.wonValue / hours : null;

  // "Why this grade?", in the order a person asks: what came back, how sure, what else counts.
  const why: string[] = [];
  if (credit.won > 0) {
    why.push(
      hours > 0
        ? `${winsText(credit.won, credit.wonValue, fmt)} from ${formatHours(hours)}: ${fmt(ownRate!)} an hour, ${multipleInWords(ownRate! / yardstick)} your ${fmt(yardstick)}.`
        : `${winsText(credit.won, credit.wonValue, fmt)}, with no hours logged here.`,
    );
  } else if (credit.opportunities > 0) {
    why.push(
      `${pluralize(credit.opportunities, 'opportunity', 'opportunities')} from ${formatHours(hours)}, nothing won yet` +
        (credit.pipeline > 0 ? `; ${fmt(credit.pipeline)} is in play, counting each open one by how far it has got.` : '.'),
    );
  } else {
    why.push(`Nothing won yet from ${formatHours(hours)}.`);
  }
  if (grade !== null) {
    why.push(`From what you logged, an hour here plausibly returns ${fmt(value.low)} to ${fmt(value.high)}: grade ${grade}.`);
  } else {
    const thin = Math.abs(credit.won - 1) < 1e-9 ? 'One win is thin evidence' : credit.won > 1 ? 'A few wins are still thin evidence' : 'There is not enough yet to tell';
    why.push(
      `${thin}: an hour here could return anywhere from ${fmt(value.low)} to ${fmt(value.high)}, too wide to grade` +
        (more !== null ? `; about ${more} more hours will tell whether it holds.` : '; it will take many more hours to tell.'),
    );
  }
  if (judgedHours < PRIOR_HOURS * 3) {
    why.push(
      `With so few hours, it is taken to be like your channels together (about ${fmt(prior.valuePerHour)} an hour, ` +
        `counting a typical win of ${fmt(prior.typicalWin)}) until it shows otherwise.`,
    );
  }
  if (maturingHours > 0 && !cameBack) {
    why.push(
      `${formatHours(maturingHours)} from the last ${MATURING_DAYS[totals.channel]} days ${maturingHours === 1 ? 'is' : 'are'} still maturing: ` +
        `networking often pays back months later, so ${maturingHours === 1 ? 'it is' : 'they are'} not held against it yet.`,
    );
  }
  if (drain.total > 0) why.push(`${joinList(drainParts(drain))} in ${formatHours(hours)}.`);
  if (remember) {
    why.push(
      `${formatNumber(remembered)} of ${pluralize(contactsMade, 'contact')} met here ${formatNumber(remembered) === '1' ? 'has' : 'have'} ` +
        `since reached out to you or brought an opportunity (${formatPercent(remembered / contactsMade)}).`,
    );
  }
  if (!yardstickIsOwn) why.push(`Set your hourly value in settings to measure against your own time; until then ${fmt(yardstick)} an hour is the yardstick.`);

  return {
    ...(Object.fromEntries(ROLLUP_SUMS.map((k) => [k, totals[k]])) as Pick<ChannelTotals, RollupSum>),
    channel: totals.channel,
    name: channelName(totals.channel),
    maturingHours,
    judgedHours,
    cost,
    opportunities: credit.opportunities,
    won: credit.won,
    wonValue: credit.wonValue,
    pipeline: credit.pipeline,
    drain,
    valuePerHour: ownRate,
    oppsPer10h: hours > 0 ? (credit.opportunities / hours) * 10 : null,
    // R can exceed N when a contact met in an earlier period brought an opportunity; a rate stays within 0–1.
    rememberRate: contactsMade > 0 ? Math.min(contactsRemembered / contactsMade, 1) : null,
    roi: cost > 0 ? (credit.wonValue - cost) / cost : null,
    medianDaysToFirstOpportunity: median(credit.daysToOpen),
    value,
    opportunityRate: { estimate: opps.estimate * 10, low: opps.low * 10, high: opps.high * 10 },
    remember,
    rankBound: gammaQuantile(wins.shape, wins.rate, RANK_P) * winValue,
    yardstick,
    yardstickIsOwn,
    grade: judgement.grade,
    verdict: judgement.verdict,
    verdictReason: judgement.reason,
    moreHoursToTell: more,
    why,
  };
}

/** The person's own pool across channels: what thin channels are shrunk towards. */
export function pooledPrior(
  channels: Array<{ channel: ChannelKey; judgedHours: number; credit: ChannelCredit; contactsMade: number; contactsRemembered: number }>,
  wonValues: number[],
  yardstick: number,
): PooledPrior {
  const hours = channels.reduce((s, c) => s + c.judgedHours, 0);
  const wins = channels.reduce((s, c) => s + c.credit.won, 0);
  const opportunities = channels.reduce((s, c) => s + c.credit.opportunities, 0);
  const made = channels.reduce((s, c) => s + c.contactsMade, 0);
  const remembered = channels.reduce((s, c) => s + Math.min(c.contactsRemembered, c.contactsMade), 0);
  const typical = median(wonValues.filter((v) => v > 0));
  return {
    winsPerHour: hours > 0 ? wins / hours : 0,
    typicalWin: typical ?? yardstick * FIRST_WIN_HOURS,
    opportunitiesPerHour: hours > 0 ? opportunities / hours : 0,
    rememberRate: made > 0 ? remembered / made : DEFAULT_REMEMBER_RATE,
    // What an hour is worth at the pooled win rate and a typical (not the largest) win.
    valuePerHour: (hours > 0 ? wins / hours : 0) * (typical ?? yardstick * FIRST_WIN_HOURS),
  };
}
