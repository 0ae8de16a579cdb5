/**
 * Every number the payoff model depends on, in one place.
 * docs/payoff.md explains each one and carries the same values in tables; change both together.
 */
import type { ChannelKey } from './channels';
import type { Grade, Stage } from './types';

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

// ---------------------------------------------------------------- cohorts

/**
 * How long a channel usually takes to pay back, in days. Hours younger than this (counted back from
 * today) are "still maturing": shown, but not held against the channel until something comes of them.
 */
export const MATURING_DAYS: Readonly<Record<ChannelKey, number>> = {
  events: 30,
  organizations: 120,
  volunteering: 90,
  stretch: 60,
  interviews: 90,
  linkedin: 60,
  other: 90,
};

// ---------------------------------------------------------------- estimates

/**
 * Strength of the person's own pooled rate, in hours: with little data a channel looks like the
 * person's average over this many hours; past a few times this, its own hours speak for it.
 */
export const PRIOR_HOURS = 10;

/** A rate's prior never holds less than half an event, so that no history leaves a wide range, not a certain zero. */
export const MIN_PRIOR_EVENTS = 0.5;

/** Strength of the person's typical win, in wins: one lucky win is pulled halfway towards it. */
export const PRIOR_WINS = 1;

/**
 * With no win anywhere yet, a first win is assumed to be worth this many hours of the person's time
 * (about a week of paid work), so that a channel's range stays open instead of collapsing to zero.
 */
export const FIRST_WIN_HOURS = 40;

/** Pseudo-contacts of the pooled remember rate mixed into a channel's own. */
export const PRIOR_CONTACTS = 2;

/** Remember rate assumed when nobody anywhere has been met yet. */
export const DEFAULT_REMEMBER_RATE = 0.3;

/** The plausible range: from the 10th to the 90th percentile (four chances in five inside). */
export const RANGE = { lowP: 0.1, highP: 0.9, z: 1.2816 } as const;

/**
 * Channels are ranked on this cautious percentile of what an hour returns, further out than the
 * range shown, so that two hours and one lucky win do not outrank two hundred steady hours.
 */
export const RANK_P = 0.05;

/** Yardstick per hour (workspace currency) when the person has not set an hourly value. */
export const DEFAULT_HOURLY_VALUE = 50;

// ---------------------------------------------------------------- grade and verdict

/**
 * Lowest multiple of the yardstick (the person's hourly value) of each grade, best first; below the
 * last is F. A grade is given only when the range's two ends are at most one grade apart.
 */
export const GRADE_MULTIPLES: ReadonlyArray<readonly [Exclude<Grade, 'F'>, number]> = [
  ['A', 3],
  ['B', 1.5],
  ['C', 0.75],
  ['D', 0.25],
];

/** Drain is "high" with at least this many drain events and at least this many per hour (any rate when no hours). */
export const DRAIN_HIGH = { minEvents: 3, perHour: 0.5 } as const;

/** Extra hours tried, in order, when saying "about N more hours would tell". */
export const MORE_HOURS_STEPS = [2, 3, 5, 8, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 125, 150, 200, 250, 300, 400, 500] as const;

// ---------------------------------------------------------------- recommendations

/** Rank of each recommendation rule: 1 is shown first. */
export const RECOMMENDATION_PRIORITY = {
  timeDrain: 1,
  bestChannel: 2,
  promising: 3,
  goingCold: 4,
  unrelatedStretch: 5,
  thankYous: 6,
  linkedinProfile: 7,
} as const;

/** Pieces of advice shown at once; the rest wait behind "N more", never dropped. */
export const RECOMMENDATIONS_SHOWN = 3;

/** Stretch project titles named in one sentence before "and N more". */
export const MAX_STRETCH_TITLES = 3;
