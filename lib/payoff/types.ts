import type { ChannelKey } from './channels';

/** Opportunity stage; 'proposal' covers proposal and interview. */
export type Stage = 'lead' | 'talking' | 'proposal' | 'won' | 'lost';

/** What was invested in, and came back from, one channel during the period (one row per channel). */
/**
 * The sums a channel's totals carry, each kept per day in the rollup column of the same name
 * (channel_days in db/schema.ts) and read by the dashboard as it is listed here.
 */
export const ROLLUP_SUMS = [
  'hours',
  'efforts',
  'money',
  'pitches',
  'advances',
  'drinksOverTwo',
  'jobSeekerAsks',
  'usefulContacts',
  'contactsMade',
  'contactsRemembered',
] as const;
export type RollupSum = (typeof ROLLUP_SUMS)[number];

export interface ChannelTotals {
  channel: ChannelKey;
  hours: number;
  /** Effort costs, with yearly dues already prorated to the period. */
  money: number;
  /** N: contacts met through the channel in the period. */
  contactsMade: number;
  /** R: of those, the ones with an inbound interaction after meeting, or who brought an opportunity. */
  contactsRemembered: number;
  pitches: number;
  advances: number;
  drinksOverTwo: number;
  jobSeekerAsks: number;
  /** Events' "useful contacts made"; 0 for other channels. */
  usefulContacts: number;
  efforts: number;
  /** Of `hours`, those younger than the channel's usual lag (MATURING_DAYS) before today. */
  maturingHours: number;
}

/** One opportunity and the channels that touched its contact before it opened. */
export interface OpportunityTouches {
  id: string;
  stage: Stage;
  expectedValue: number;
  wonValue: number;
  /** 'YYYY-MM-DD' */
  openedOn: string;
  /** Set when the opportunity is tied directly to an effort: that channel gets 100 % under every model. */
  effortChannel: ChannelKey | null;
  /** Chronological; the first is the channel where the contact was met. Empty means uncredited. */
  touches: ChannelKey[];
  daysFromMeetingToOpen: number | null;
}

export type AttributionModel = 'first' | 'last' | 'linear' | 'position';

export interface PayoffInput {
  /** Value of one hour of the owner's time; 0 when the workspace did not set one. */
  hourlyValue: number;
  totals: ChannelTotals[];
  opportunities: OpportunityTouches[];
  model: AttributionModel;
  /** ISO 4217 code used only to word the "why this grade?" explanations; defaults to USD. */
  currency?: string;
  /** Rates to shrink towards instead of the person's own pool (a coach's view of several workspaces). */
  prior?: PooledPrior;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export type Verdict = 'Pays off' | 'Promising' | 'Break-even' | 'Time drain' | 'Too early';

/** An estimate with its plausible range (10th to 90th percentile). */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
}

/**
 * The rates a channel is shrunk towards: the person's own across all their channels, or, when a
 * coach views several shared workspaces, the pool of those workspaces.
 */
export interface PooledPrior {
  winsPerHour: number;
  /** Value of a typical win (the median), in the workspace currency. */
  typicalWin: number;
  opportunitiesPerHour: number;
  rememberRate: number;
  /** Wins per hour times a typical win: what an hour is worth across the pool, for explanations. */
  valuePerHour: number;
}

export interface DrainBreakdown {
  total: number;
  pitches: number;
  advances: number;
  drinksOverTwo: number;
  jobSeekerAsks: number;
}

/** A channel's scored result: its period's sums as they came, then what the model makes of them. */
export interface ChannelResult extends Pick<ChannelTotals, RollupSum> {
  channel: ChannelKey;
  name: string;
  /** Hours still maturing (younger than the channel's usual lag), not held against it yet. */
  maturingHours: number;
  /** Hours the estimate is judged on. */
  judgedHours: number;
  /** hours × hourly value + money */
  cost: number;
  /** Credited opportunities (fractional under linear and position-based attribution). */
  opportunities: number;
  won: number;
  wonValue: number;
  /** Open pipeline: expected value weighted by stage. */
  pipeline: number;
  drain: DrainBreakdown;
  /** The channel's own figures, before any estimate. */
  valuePerHour: number | null;
  oppsPer10h: number | null;
  rememberRate: number | null;
  roi: number | null;
  medianDaysToFirstOpportunity: number | null;
  /** Value an hour returns, per hour in the workspace currency. */
  value: Estimate;
  /** Opportunities per 10 hours. */
  opportunityRate: Estimate;
  /** Share of contacts who remember you; null without contacts. */
  remember: Estimate | null;
  /** The cautious value per hour the ranking sorts on (RANK_P percentile). */
  rankBound: number;
  /** What an hour is measured against: the person's hourly value, or the default. */
  yardstick: number;
  yardstickIsOwn: boolean;
  /** Null means "Too early to grade": the range spans more than two grades. */
  grade: Grade | null;
  verdict: Verdict;
  /** One sentence saying why the verdict, in the person's words. */
  verdictReason: string;
  /** About how many more hours would narrow the range enough to grade; null when graded or out of reach. */
  moreHoursToTell: number | null;
  /** "Why this grade?": sentences in the person's words, no model terms. */
  why: string[];
}

export interface PayoffTotals {
  hours: number;
  money: number;
  cost: number;
  wonValue: number;
  opportunities: number;
}

export interface PayoffResult {
  channels: ChannelResult[];
  totals: PayoffTotals;
  uncreditedOpportunities: number;
  /** What thin channels were shrunk towards. */
  prior: PooledPrior;
}
