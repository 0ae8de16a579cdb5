/**
 * Every number the payoff model depends on, in one place.
 * docs/payoff.md explains each one and carries the same values in tables; change both together.
 */
import type { FactorKey, Grade, Stage } from './types';

// ---------------------------------------------------------------- attribution

/** Share of expected value counted as open pipeline, by stage. Closed stages count nothing. */
export const STAGE_WEIGHTS: Readonly<Record<Stage, number>> = {
  lead: 0.1,
  talking: 0.25,
  proposal: 0.5,
  won: 0,
  lost: 0,
};

/** Position-based attribution with three or more touches: first, last, and the middle touches together. */
export const POSITION_SHARES = { first: 0.4, last: 0.4, middle: 0.2 } as const;

/** Minimum share of an opportunity a channel needs for the opportunity to count in its time to first opportunity. */
export const TIMING_MIN_SHARE = 0.5;

// ---------------------------------------------------------------- score

/** Maximum points of each factor; they add up to 100. */
export const FACTOR_WEIGHTS: Readonly<Record<FactorKey, number>> = {
  valuePerHour: 40,
  opportunityRate: 25,
  rememberRate: 20,
  drain: 15,
};

/**
 * Pseudo-hours of sceptical evidence mixed into every per-hour rate (about one working week):
 * a channel's own rate only outweighs the prior once it has more than this many hours.
 */
export const PRIOR_HOURS = 40;

/** Prior value won per hour: until hours prove otherwise, a channel is assumed to earn nothing. */
export const PRIOR_VALUE_PER_HOUR = 0;

/** Prior opportunities per hour: assumed to bring none. */
export const PRIOR_OPPORTUNITIES_PER_HOUR = 0;

/** Prior drain events per hour: assumed to cost one pitch, advance or similar every four hours. */
export const PRIOR_DRAIN_PER_HOUR = 0.25;

/** z for the Wilson lower bound of the remember rate (95 % two-sided). */
export const WILSON_Z = 1.96;

/**
 * Reference values of the saturating curve 1 − e^(−x / reference):
 * a factor at its reference earns 63 % of its points, at twice the reference 86 %.
 */
export const REFERENCES = {
  /** Per hour, in the workspace currency; replaced by the workspace's hourly value when one is set. */
  valuePerHour: 50,
  /** One opportunity per 20 hours. */
  opportunitiesPer10h: 0.5,
  /** Lower bound of the share of contacts who remember you. */
  rememberRate: 0.3,
  /** Drain events per hour; the drain factor keeps e^(−x / reference) of its points. */
  drainPerHour: 0.5,
} as const;

// ---------------------------------------------------------------- grade, confidence, verdict

/** Lowest score of each grade, best first; anything below the last is F. */
export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Exclude<Grade, 'F'>, number]> = [
  ['A', 80],
  ['B', 65],
  ['C', 50],
  ['D', 35],
];

/**
 * Confidence follows the hours, because hours are what the shrinkage weighs:
 * thin below 10 h (the channel's own data is under a fifth of the evidence),
 * solid from 40 h (it outweighs the prior) spread over at least 3 efforts, some in between.
 */
export const CONFIDENCE_RULES = {
  thinBelowHours: 10,
  solidFromHours: 40,
  solidMinEfforts: 3,
} as const;

/** Drain is "high" with at least this many drain events and at least this many per hour (any rate when no hours). */
export const DRAIN_HIGH = { minEvents: 3, perHour: 0.5 } as const;

/** A remember-rate lower bound at or above this counts as a good sign for "Promising". */
export const PROMISING_REMEMBER_LOWER_BOUND = 0.3;

// ---------------------------------------------------------------- recommendations

/** Rank of each recommendation rule: 1 is shown first. */
export const RECOMMENDATION_PRIORITY = {
  timeDrain: 1,
  bestChannel: 2,
  goingCold: 3,
  unrelatedStretch: 4,
  promisingThin: 5,
  thankYous: 6,
  linkedinProfile: 7,
} as const;

export const MAX_RECOMMENDATIONS = 5;

/** At most this many "time drain" sentences, so that they cannot crowd out every other piece of advice. */
export const MAX_TIME_DRAIN_RECOMMENDATIONS = 2;

/** Stretch project titles named in one sentence before "and N more". */
export const MAX_STRETCH_TITLES = 3;
