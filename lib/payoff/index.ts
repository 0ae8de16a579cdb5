import { creditOpportunities } from './attribution';
import type { ChannelCredit } from './attribution';
import { channelOrder } from './channels';
import type { ChannelKey } from './channels';
import { buildChannelResult, judgedHoursOf, pooledPrior } from './score';
import { DEFAULT_HOURLY_VALUE } from './weights';
import { ROLLUP_SUMS, type ChannelResult, type ChannelTotals, type PayoffInput, type PayoffResult, type RollupSum } from './types';

export * from './channels';
export * from './types';
export * from './weights';
export { attribute, creditOpportunities, median } from './attribution';
export type { ChannelCredit, CreditShares, CreditSummary } from './attribution';
export {
  buildChannelResult,
  gradeFor,
  gradeOfRange,
  isDrainHigh,
  judgedHoursOf,
  moreHoursToTell,
  multipleInWords,
  pooledPrior,
  winValueFor,
} from './score';
export { estimateRate, gammaCdf, gammaQuantile, wilsonInterval } from './estimate';
export { recommend } from './recommend';
export type { Recommendation, RecommendInput } from './recommend';
export { formatHours, formatMoney, pluralize } from './format';

/** A channel's totals before anything is added: every sum 0. */
export function emptyTotals(channel: ChannelKey): ChannelTotals {
  const sums = Object.fromEntries(ROLLUP_SUMS.map((k) => [k, 0])) as Record<RollupSum, number>;
  return { channel, ...sums, maturingHours: 0 };
}

const NUMERIC_FIELDS = [...ROLLUP_SUMS, 'maturingHours'] as const;

function hasData(totals: ChannelTotals, credit: ChannelCredit | undefined): boolean {
  return NUMERIC_FIELDS.some((field) => totals[field] > 0) || (credit !== undefined && credit.opportunities > 0);
}

/** Scores every channel with data in the period, ranks them, and adds up the period. */
export function computePayoff(input: PayoffInput): PayoffResult {
  const currency = input.currency ?? 'USD';
  const { byChannel, uncredited } = creditOpportunities(input.opportunities, input.model);

  // One row per channel: rows repeated by the caller are summed, and a channel that only
  // received credit (its efforts fell outside the period) still gets a row.
  const totalsByChannel = new Map<ChannelKey, ChannelTotals>();
  for (const row of input.totals) {
    const merged = totalsByChannel.get(row.channel) ?? emptyTotals(row.channel);
    for (const field of NUMERIC_FIELDS) merged[field] += row[field];
    totalsByChannel.set(row.channel, merged);
  }
  for (const channel of byChannel.keys()) {
    if (!totalsByChannel.has(channel)) totalsByChannel.set(channel, emptyTotals(channel));
  }

  const noCredit: ChannelCredit = { opportunities: 0, won: 0, wonValue: 0, pipeline: 0, daysToOpen: [] };
  const rows = [...totalsByChannel]
    .map(([channel, totals]) => ({ channel, totals, credit: byChannel.get(channel) }))
    .filter((r) => hasData(r.totals, r.credit))
    .map((r) => ({ ...r, credit: r.credit ?? noCredit }));
  // With little data a channel looks like the person's own average, not like zero.
  const prior =
    input.prior ??
    pooledPrior(
      rows.map((r) => ({
        channel: r.channel,
        judgedHours: judgedHoursOf(r.totals, r.credit).judgedHours,
        credit: r.credit,
        contactsMade: r.totals.contactsMade,
        contactsRemembered: r.totals.contactsRemembered,
      })),
      input.opportunities.filter((o) => o.stage === 'won').map((o) => o.wonValue),
      input.hourlyValue > 0 ? input.hourlyValue : DEFAULT_HOURLY_VALUE,
    );
  const channels: ChannelResult[] = rows.map((r) =>
    buildChannelResult(r.totals, r.credit, { hourlyValue: input.hourlyValue, currency, prior }),
  );
  // Ranked on the cautious end of the range, so two hours and one lucky win do not outrank two
  // hundred steady hours; whatever drains time goes last.
  const drainLast = (c: ChannelResult) => (c.verdict === 'Time drain' ? 1 : 0);
  channels.sort(
    (a, b) =>
      drainLast(a) - drainLast(b) ||
      b.rankBound - a.rankBound ||
      b.value.estimate - a.value.estimate ||
      a.drain.total - b.drain.total ||
      b.hours - a.hours ||
      channelOrder(a.channel) - channelOrder(b.channel),
  );

  const sum = (pick: (c: ChannelResult) => number) => channels.reduce((total, c) => total + pick(c), 0);
  return {
    channels,
    totals: {
      hours: sum((c) => c.hours),
      money: sum((c) => c.money),
      cost: sum((c) => c.cost),
      wonValue: sum((c) => c.wonValue),
      opportunities: sum((c) => c.opportunities),
    },
    uncreditedOpportunities: uncredited,
    prior,
  };
}
