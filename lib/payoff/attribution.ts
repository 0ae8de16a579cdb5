import type { ChannelKey } from './channels';
import type { AttributionModel, OpportunityTouches } from './types';
import { POSITION_SHARES, STAGE_WEIGHTS, TIMING_MIN_SHARE } from './weights';

/** Share of one opportunity per channel; the shares add up to 1. */
export type CreditShares = Partial<Record<ChannelKey, number>>;

/** What all opportunities credited to one channel add up to. */
export interface ChannelCredit {
  opportunities: number;
  won: number;
  wonValue: number;
  pipeline: number;
  /** daysFromMeetingToOpen of the opportunities credited at least TIMING_MIN_SHARE to the channel. */
  daysToOpen: number[];
}

export interface CreditSummary {
  byChannel: Map<ChannelKey, ChannelCredit>;
  /** Opportunities with neither an effort nor a touched contact. */
  uncredited: number;
}

function add(shares: CreditShares, channel: ChannelKey, share: number): void {
  shares[channel] = (shares[channel] ?? 0) + share;
}

/**
 * How one opportunity is split between channels under a model, or null when nothing can be credited.
 * An opportunity tied to an effort credits that effort's channel in full, whatever the model.
 */
export function attribute(opportunity: OpportunityTouches, model: AttributionModel): CreditShares | null {
  if (opportunity.effortChannel) return { [opportunity.effortChannel]: 1 };
  const touches = opportunity.touches;
  const n = touches.length;
  if (n === 0) return null;
  const first = touches[0]!;
  const last = touches[n - 1]!;
  const shares: CreditShares = {};
  switch (model) {
    case 'first':
      add(shares, first, 1);
      break;
    case 'last':
      add(shares, last, 1);
      break;
    case 'linear': {
      // Equal split across distinct channels: a channel touched three times is still one channel.
      const distinct = [...new Set(touches)];
      for (const channel of distinct) add(shares, channel, 1 / distinct.length);
      break;
    }
    case 'position': {
      if (n === 1) {
        add(shares, first, 1);
      } else if (n === 2) {
        // No middle touches: their 20 % goes half to the first and half to the last.
        add(shares, first, 0.5);
        add(shares, last, 0.5);
      } else {
        add(shares, first, POSITION_SHARES.first);
        add(shares, last, POSITION_SHARES.last);
        // Split by touch, not by channel: a channel touched twice in the middle gets two shares.
        const middleShare = POSITION_SHARES.middle / (n - 2);
        for (const channel of touches.slice(1, -1)) add(shares, channel, middleShare);
      }
      break;
    }
  }
  return shares;
}

function emptyCredit(): ChannelCredit {
  return { opportunities: 0, won: 0, wonValue: 0, pipeline: 0, daysToOpen: [] };
}

/** Credits every opportunity to channels under the chosen model. */
export function creditOpportunities(
  opportunities: readonly OpportunityTouches[],
  model: AttributionModel,
): CreditSummary {
  const byChannel = new Map<ChannelKey, ChannelCredit>();
  let uncredited = 0;
  for (const opportunity of opportunities) {
    const shares = attribute(opportunity, model);
    if (!shares) {
      uncredited += 1;
      continue;
    }
    for (const [channel, share] of Object.entries(shares) as [ChannelKey, number][]) {
      const credit = byChannel.get(channel) ?? emptyCredit();
      credit.opportunities += share;
      if (opportunity.stage === 'won') {
        credit.won += share;
        credit.wonValue += share * opportunity.wonValue;
      }
      credit.pipeline += share * opportunity.expectedValue * STAGE_WEIGHTS[opportunity.stage];
      // The epsilon keeps sums such as 0.4 + 0.2 / 3 + 0.2 / 3 + ... from missing 0.5 by a rounding error.
      if (share >= TIMING_MIN_SHARE - 1e-9 && opportunity.daysFromMeetingToOpen !== null) {
        credit.daysToOpen.push(opportunity.daysFromMeetingToOpen);
      }
      byChannel.set(channel, credit);
    }
  }
  return { byChannel, uncredited };
}

/** Median of a list of numbers, or null when it is empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
