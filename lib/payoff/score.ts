import type { ChannelCredit } from './attribution';
import { median } from './attribution';
import { channelName } from './channels';
import { formatHours, formatMoney, formatNumber, formatPercent, pluralize } from './format';
import type {
  ChannelResult,
  ChannelTotals,
  Confidence,
  DrainBreakdown,
  Grade,
  ScoreFactor,
  Verdict,
} from './types';
import {
  CONFIDENCE_RULES,
  DRAIN_HIGH,
  FACTOR_WEIGHTS,
  GRADE_THRESHOLDS,
  PRIOR_DRAIN_PER_HOUR,
  PRIOR_HOURS,
  PRIOR_OPPORTUNITIES_PER_HOUR,
  PRIOR_VALUE_PER_HOUR,
  PROMISING_REMEMBER_LOWER_BOUND,
  REFERENCES,
  WILSON_Z,
} from './weights';

/** Saturating curve 1 − e^(−x / reference): 0 at 0, 63 % at the reference, approaching 1. */
export function saturate(x: number, reference: number): number {
  if (x <= 0) return 0;
  return 1 - Math.exp(-x / reference);
}

/**
 * Lower bound of the Wilson score interval for successes out of trials.
 * Returns 0 without trials: no evidence is ranked like the worst evidence.
 */
export function wilsonLowerBound(successes: number, trials: number, z: number = WILSON_Z): number {
  if (trials <= 0) return 0;
  const p = Math.min(Math.max(successes / trials, 0), 1);
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return Math.max(0, (centre - spread) / (1 + z2 / trials));
}

/** Per-hour rate blended with a prior worth priorHours: (amount + priorRate × priorHours) / (hours + priorHours). */
export function shrinkRate(
  amount: number,
  hours: number,
  priorRate: number,
  priorHours: number = PRIOR_HOURS,
): number {
  return (amount + priorRate * priorHours) / (hours + priorHours);
}

/**
 * Rounds each factor's exact points to integers that add up to the rounded total
 * (largest remainder; ties go to the earlier factor), so "why this grade?" always sums to the score.
 */
export function allocatePoints(exact: readonly number[]): number[] {
  const total = Math.round(exact.reduce((sum, x) => sum + x, 0));
  const points = exact.map((x) => Math.floor(x));
  let left = total - points.reduce((sum, x) => sum + x, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    points[i] = points[i]! + 1;
    left -= 1;
  }
  return points;
}

/** Letter grade of a 0–100 score. */
export function gradeFor(score: number): Grade {
  for (const [grade, min] of GRADE_THRESHOLDS) if (score >= min) return grade;
  return 'F';
}

/** How much the channel's own data, rather than the priors, drives its score. */
export function confidenceFor(hours: number, efforts: number): Confidence {
  if (hours < CONFIDENCE_RULES.thinBelowHours) return 'thin';
  if (hours >= CONFIDENCE_RULES.solidFromHours && efforts >= CONFIDENCE_RULES.solidMinEfforts) return 'solid';
  return 'some';
}

/** Enough drain events, often enough, to call the channel draining. */
export function isDrainHigh(drainEvents: number, hours: number): boolean {
  if (drainEvents < DRAIN_HIGH.minEvents) return false;
  return hours <= 0 || drainEvents / hours >= DRAIN_HIGH.perHour;
}

export interface FactorInput {
  hours: number;
  wonValue: number;
  opportunities: number;
  contactsMade: number;
  contactsRemembered: number;
  drainEvents: number;
  hourlyValue: number;
  currency: string;
}

/** The four factors of the score, with their points, and the score they add up to. */
export function scoreFactors(input: FactorInput): { score: number; factors: ScoreFactor[] } {
  const { hours, wonValue, opportunities, contactsMade, contactsRemembered, drainEvents, currency } = input;
  const money = (amount: number) => formatMoney(amount, currency);
  const hoursText = formatHours(hours);

  // Time priced by the owner is the natural yardstick for what an hour of networking should return.
  const valueReference = input.hourlyValue > 0 ? input.hourlyValue : REFERENCES.valuePerHour;
  const vphRaw = hours > 0 ? wonValue / hours : null;
  const vphShrunk = shrinkRate(wonValue, hours, PRIOR_VALUE_PER_HOUR);
  const vphShare = saturate(vphShrunk, valueReference);

  const oppRaw = hours > 0 ? (opportunities / hours) * 10 : null;
  const oppShrunk = shrinkRate(opportunities, hours, PRIOR_OPPORTUNITIES_PER_HOUR) * 10;
  const oppShare = saturate(oppShrunk, REFERENCES.opportunitiesPer10h);

  const remembered = Math.min(contactsRemembered, contactsMade);
  const rememberRaw = contactsMade > 0 ? remembered / contactsMade : null;
  const rememberBound = contactsMade > 0 ? wilsonLowerBound(remembered, contactsMade) : null;
  const rememberShare = rememberBound === null ? 0 : saturate(rememberBound, REFERENCES.rememberRate);

  const drainRaw = hours > 0 ? drainEvents / hours : null;
  const drainShrunk = shrinkRate(drainEvents, hours, PRIOR_DRAIN_PER_HOUR);
  const drainShare = Math.exp(-drainShrunk / REFERENCES.drainPerHour);

  const exact = [
    FACTOR_WEIGHTS.valuePerHour * vphShare,
    FACTOR_WEIGHTS.opportunityRate * oppShare,
    FACTOR_WEIGHTS.rememberRate * rememberShare,
    FACTOR_WEIGHTS.drain * drainShare,
  ];
  const points = allocatePoints(exact);
  const score = points.reduce((sum, x) => sum + x, 0);
  const priorNote = `${PRIOR_HOURS} sceptical pseudo-hours`;

  const factors: ScoreFactor[] = [
    {
      key: 'valuePerHour',
      label: 'Value per hour',
      raw: vphRaw,
      shrunk: vphShrunk,
      points: points[0]!,
      maxPoints: FACTOR_WEIGHTS.valuePerHour,
      explanation:
        `${money(wonValue)} won in ${hoursText}` +
        (vphRaw === null ? '' : ` is ${money(vphRaw)} per hour`) +
        `; with ${priorNote} at ${money(PRIOR_VALUE_PER_HOUR)} it counts as ${money(vphShrunk)} per hour` +
        ` against a reference of ${money(valueReference)}` +
        (input.hourlyValue > 0 ? ' (your hourly value).' : '.'),
    },
    {
      key: 'opportunityRate',
      label: 'Opportunities per 10 hours',
      raw: oppRaw,
      shrunk: oppShrunk,
      points: points[1]!,
      maxPoints: FACTOR_WEIGHTS.opportunityRate,
      explanation:
        `${pluralize(opportunities, 'opportunity', 'opportunities')} in ${hoursText}` +
        (oppRaw === null ? '' : ` is ${formatNumber(oppRaw, 2)} per 10 h`) +
        `; with ${priorNote} at ${formatNumber(PRIOR_OPPORTUNITIES_PER_HOUR * 10, 2)} per 10 h it counts as ${formatNumber(oppShrunk, 2)} per 10 h` +
        ` against a reference of ${formatNumber(REFERENCES.opportunitiesPer10h, 2)}.`,
    },
    {
      key: 'rememberRate',
      label: 'Contacts who remember you',
      raw: rememberRaw,
      shrunk: rememberBound,
      points: points[2]!,
      maxPoints: FACTOR_WEIGHTS.rememberRate,
      explanation:
        rememberRaw === null || rememberBound === null
          ? 'No contacts made yet, so nothing shows that anyone remembers you.'
          : `${formatNumber(remembered, 1)} of ${pluralize(contactsMade, 'contact')} ${remembered === 1 ? 'remembers' : 'remember'} you (${formatPercent(rememberRaw)}); ` +
            `the cautious lower bound is ${formatPercent(rememberBound)} against a reference of ${formatPercent(REFERENCES.rememberRate)}.`,
    },
    {
      key: 'drain',
      label: 'Drain (pitches, advances, drinks, job-seeker asks)',
      raw: drainRaw,
      shrunk: drainShrunk,
      points: points[3]!,
      maxPoints: FACTOR_WEIGHTS.drain,
      explanation:
        (drainEvents === 0
          ? `No drain events in ${hoursText}`
          : `${pluralize(drainEvents, 'drain event')} in ${hoursText}` +
            (drainRaw === null ? '' : ` is ${formatNumber(drainRaw, 2)} per hour`) +
            (contactsMade > 0 ? ` (${formatNumber(drainEvents / contactsMade, 2)} per contact made)` : '')) +
        `; with ${priorNote} at ${formatNumber(PRIOR_DRAIN_PER_HOUR, 2)} per hour it counts as ${formatNumber(drainShrunk, 2)} per hour, ` +
        `which keeps ${formatPercent(drainShare)} of these points (reference ${formatNumber(REFERENCES.drainPerHour, 2)} per hour).`,
    },
  ];
  return { score, factors };
}

export interface VerdictInput {
  grade: Grade;
  confidence: Confidence;
  hours: number;
  cost: number;
  won: number;
  wonValue: number;
  opportunities: number;
  pipeline: number;
  contactsRemembered: number;
  rememberLowerBound: number;
  drainEvents: number;
  currency: string;
}

/** The verdict in words; the first rule that matches wins (see docs/payoff.md). */
export function verdictFor(input: VerdictInput): { verdict: Verdict; reason: string } {
  const money = (amount: number) => formatMoney(amount, input.currency);
  const { grade, won, wonValue, cost, hours, pipeline, drainEvents } = input;

  if ((grade === 'A' || grade === 'B') && (wonValue > cost || (won > 0 && cost === 0))) {
    return {
      verdict: 'Pays off',
      reason: `Grade ${grade}, and it has won ${money(wonValue)} against a cost of ${money(cost)}.`,
    };
  }
  if (won === 0 && isDrainHigh(drainEvents, hours)) {
    return {
      verdict: 'Time drain',
      reason: `${pluralize(drainEvents, 'drain event')} in ${formatHours(hours)} and nothing won.`,
    };
  }
  const rememberGood = input.rememberLowerBound >= PROMISING_REMEMBER_LOWER_BOUND;
  if (grade !== 'F' && won === 0 && (pipeline > 0 || rememberGood)) {
    const signs = [
      ...(pipeline > 0 ? [`${money(pipeline)} of weighted open pipeline`] : []),
      ...(rememberGood ? [`at least ${formatPercent(input.rememberLowerBound)} of contacts remember you`] : []),
    ];
    return { verdict: 'Promising', reason: `Nothing won yet, but ${signs.join(' and ')}.` };
  }
  if (input.confidence === 'thin' && (won > 0 || input.opportunities > 0 || input.contactsRemembered > 0)) {
    const sign =
      won > 0
        ? `${pluralize(won, 'win')} worth ${money(wonValue)}`
        : input.opportunities > 0
          ? pluralize(input.opportunities, 'opportunity', 'opportunities')
          : `${pluralize(input.contactsRemembered, 'contact')} who remember you`;
    return { verdict: 'Promising', reason: `Only ${formatHours(hours)} so far, with a good sign: ${sign}.` };
  }
  // A few hours with nothing back is too early to call a drain; drain signals were handled above.
  if (grade === 'F' && hours > 0 && input.confidence !== 'thin') {
    return { verdict: 'Time drain', reason: `Grade F after ${formatHours(hours)}.` };
  }
  if (input.confidence === 'thin' && hours > 0) {
    return { verdict: 'Break-even', reason: `Only ${formatHours(hours)} so far and nothing back yet: too early to judge.` };
  }
  return { verdict: 'Break-even', reason: 'Neither clearly paying off nor draining yet.' };
}

export interface ScoreOptions {
  hourlyValue: number;
  currency: string;
}

/** Everything the dashboard shows for one channel: invested, returned, derived rates, score, grade, verdict. */
export function buildChannelResult(
  totals: ChannelTotals,
  credit: ChannelCredit,
  options: ScoreOptions,
): ChannelResult {
  const { hours, money, contactsMade, contactsRemembered } = totals;
  const cost = hours * options.hourlyValue + money;
  const drain: DrainBreakdown = {
    total: totals.pitches + totals.advances + totals.drinksOverTwo + totals.jobSeekerAsks,
    pitches: totals.pitches,
    advances: totals.advances,
    drinksOverTwo: totals.drinksOverTwo,
    jobSeekerAsks: totals.jobSeekerAsks,
  };
  const { score, factors } = scoreFactors({
    hours,
    wonValue: credit.wonValue,
    opportunities: credit.opportunities,
    contactsMade,
    contactsRemembered,
    drainEvents: drain.total,
    hourlyValue: options.hourlyValue,
    currency: options.currency,
  });
  const grade = gradeFor(score);
  const confidence = confidenceFor(hours, totals.efforts);
  const { verdict, reason } = verdictFor({
    grade,
    confidence,
    hours,
    cost,
    won: credit.won,
    wonValue: credit.wonValue,
    opportunities: credit.opportunities,
    pipeline: credit.pipeline,
    contactsRemembered,
    rememberLowerBound: wilsonLowerBound(Math.min(contactsRemembered, contactsMade), contactsMade),
    drainEvents: drain.total,
    currency: options.currency,
  });
  return {
    channel: totals.channel,
    name: channelName(totals.channel),
    hours,
    money,
    cost,
    contactsMade,
    contactsRemembered,
    usefulContacts: totals.usefulContacts,
    efforts: totals.efforts,
    opportunities: credit.opportunities,
    won: credit.won,
    wonValue: credit.wonValue,
    pipeline: credit.pipeline,
    drain,
    valuePerHour: hours > 0 ? credit.wonValue / hours : null,
    oppsPer10h: hours > 0 ? (credit.opportunities / hours) * 10 : null,
    // R can exceed N when a contact met in an earlier period brought an opportunity; a rate stays within 0–1.
    rememberRate: contactsMade > 0 ? Math.min(contactsRemembered / contactsMade, 1) : null,
    roi: cost > 0 ? (credit.wonValue - cost) / cost : null,
    medianDaysToFirstOpportunity: median(credit.daysToOpen),
    score,
    grade,
    verdict,
    verdictReason: reason,
    confidence,
    factors,
  };
}
