import type { ChannelKey } from './channels';

/** Opportunity stage; 'proposal' covers proposal and interview. */
export type Stage = 'lead' | 'talking' | 'proposal' | 'won' | 'lost';

/** What was invested in, and came back from, one channel during the period (one row per channel). */
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
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export type Verdict = 'Pays off' | 'Promising' | 'Break-even' | 'Time drain';

export type Confidence = 'thin' | 'some' | 'solid';

export type FactorKey = 'valuePerHour' | 'opportunityRate' | 'rememberRate' | 'drain';

/** One line of "why this grade?": the points of all factors of a channel sum to its score. */
export interface ScoreFactor {
  key: FactorKey;
  label: string;
  /** The channel's own figure (null when it cannot be computed, e.g. per hour with no hours). */
  raw: number | null;
  /** The figure after shrinkage towards the prior or the Wilson lower bound, as used for points. */
  shrunk: number | null;
  points: number;
  maxPoints: number;
  explanation: string;
}

export interface DrainBreakdown {
  total: number;
  pitches: number;
  advances: number;
  drinksOverTwo: number;
  jobSeekerAsks: number;
}

export interface ChannelResult {
  channel: ChannelKey;
  name: string;
  hours: number;
  money: number;
  /** hours × hourly value + money */
  cost: number;
  contactsMade: number;
  contactsRemembered: number;
  usefulContacts: number;
  efforts: number;
  /** Credited opportunities (fractional under linear and position-based attribution). */
  opportunities: number;
  won: number;
  wonValue: number;
  /** Open pipeline: expected value weighted by stage. */
  pipeline: number;
  drain: DrainBreakdown;
  valuePerHour: number | null;
  oppsPer10h: number | null;
  rememberRate: number | null;
  roi: number | null;
  medianDaysToFirstOpportunity: number | null;
  score: number;
  grade: Grade;
  verdict: Verdict;
  /** One sentence saying which verdict rule applied. */
  verdictReason: string;
  confidence: Confidence;
  factors: ScoreFactor[];
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
}
