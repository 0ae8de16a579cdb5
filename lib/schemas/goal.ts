import { z } from 'zod';
import { CHANNEL_KEYS, channelName, type ChannelKey } from '@/lib/payoff/channels';
import { formatNumber } from '@/lib/payoff/format';
import { uuid } from './common';

export const GOAL_MEASURES = ['efforts', 'hours'] as const;
export type GoalMeasure = (typeof GOAL_MEASURES)[number];

/** A workspace keeps a handful of weekly goals at most: more than that is a plan, not a goal. */
export const MAX_GOALS = 5;
export const MAX_GOAL_TARGET = 100;

/** A weekly goal as the form sends it: an empty channel means any channel. */
export const goalSchema = z.object({
  channel: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(CHANNEL_KEYS, { error: 'Choose a channel from the list' }).nullable()),
  measure: z.enum(GOAL_MEASURES, { error: 'Choose efforts or hours' }),
  target: z.coerce
    .number({ error: 'The goal must be a number' })
    .finite('The goal must be a number')
    .min(0.5, 'Set a goal of at least 0.5')
    .max(MAX_GOAL_TARGET, `Set a goal of at most ${MAX_GOAL_TARGET} a week`)
    .transform((v) => Math.round(v * 10) / 10),
});
export type GoalInput = z.output<typeof goalSchema>;

export const goalTargetSchema = z.object({ id: uuid });

const EFFORT_WORDS: Record<ChannelKey | 'any', [string, string]> = {
  any: ['effort', 'efforts'],
  events: ['event', 'events'],
  organizations: ['session at a club or organization', 'sessions at a club or organization'],
  volunteering: ['favor or volunteering afternoon', 'favors or volunteering afternoons'],
  stretch: ['stretch project', 'stretch projects'],
  interviews: ['informational interview', 'informational interviews'],
  linkedin: ['LinkedIn session', 'LinkedIn sessions'],
  other: ['other effort', 'other efforts'],
};

/** "2 informational interviews a week", "5 h of Professional organizations & clubs a week". */
export function describeGoal(goal: { channel: ChannelKey | null; measure: GoalMeasure; target: number }): string {
  if (goal.measure === 'hours') {
    return `${formatNumber(goal.target)} h ${goal.channel ? `of ${channelName(goal.channel)}` : 'in any channel'} a week`;
  }
  const [one, many] = EFFORT_WORDS[goal.channel ?? 'any'];
  return `${formatNumber(goal.target)} ${goal.target === 1 ? one : many} a week`;
}
