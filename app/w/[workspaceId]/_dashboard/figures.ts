import type { MonthlyPoint } from '@/lib/data/dashboard';
import type { ChannelKey, ChannelResult, Estimate } from '@/lib/payoff';

/**
 * What the dashboard's ranking and charts show of a channel's scored result. They render in the
 * browser's component tree, so the page's payload carries these figures once, instead of a JSON copy
 * of every element they draw; the full result (drain breakdown, rates, reasons) stays on the server.
 */
export type ChannelFigures = Pick<
  ChannelResult,
  'channel' | 'name' | 'grade' | 'verdict' | 'verdictReason' | 'hours' | 'money' | 'contactsMade' | 'contactsRemembered' | 'opportunities' | 'wonValue'
> & { value: Estimate };

/** What an hour is measured against in the charts: the person's hourly value, or the default. */
export interface Yardstick {
  value: number;
  own: boolean;
}

export function channelFigures(channels: ChannelResult[]): ChannelFigures[] {
  return channels.map((c) => ({
    channel: c.channel,
    name: c.name,
    grade: c.grade,
    verdict: c.verdict,
    verdictReason: c.verdictReason,
    hours: c.hours,
    money: c.money,
    contactsMade: c.contactsMade,
    contactsRemembered: c.contactsRemembered,
    opportunities: c.opportunities,
    wonValue: c.wonValue,
    value: { estimate: c.value.estimate, low: c.value.low, high: c.value.high },
  }));
}

/** One month's figures for one channel, as a tuple: the payload carries one per month and channel. */
export type TrendRow = [month: string, channel: ChannelKey, hours: number, opportunities: number];

export function trendRows(points: MonthlyPoint[]): TrendRow[] {
  return points.map((p) => [p.month, p.channel, p.hours, p.opportunities]);
}
