/** Stable channel keys, in the order the dashboard lists them. */
export const CHANNEL_KEYS = [
  'events',
  'organizations',
  'volunteering',
  'stretch',
  'interviews',
  'linkedin',
  'other',
] as const;

export type ChannelKey = (typeof CHANNEL_KEYS)[number];

export interface Channel {
  key: ChannelKey;
  name: string;
  /** Whether the name takes a plural verb: "Stretch projects pay off", "LinkedIn pays off". */
  plural: boolean;
}

/** The built-in channels with their display names, in display order. */
export const CHANNELS: readonly Channel[] = [
  { key: 'events', name: 'Networking events & happy hours', plural: true },
  { key: 'organizations', name: 'Professional organizations & clubs', plural: true },
  { key: 'volunteering', name: 'Volunteering & favors', plural: true },
  { key: 'stretch', name: 'Stretch projects', plural: true },
  { key: 'interviews', name: 'Informational interviews', plural: true },
  { key: 'linkedin', name: 'LinkedIn', plural: false },
  { key: 'other', name: 'Other', plural: false },
];

/** Type guard for values that arrive as plain strings (form input, SQL rows). */
export function isChannelKey(value: string): value is ChannelKey {
  return (CHANNEL_KEYS as readonly string[]).includes(value);
}

/** Display name of a channel. */
export function channelName(key: ChannelKey): string {
  const channel = CHANNELS.find((c) => c.key === key);
  // Every ChannelKey is listed above, so the fallback only guards against drift.
  return channel ? channel.name : key;
}

/** Position of a channel in display order, used to break ties deterministically. */
export function channelOrder(key: ChannelKey): number {
  return CHANNEL_KEYS.indexOf(key);
}

/** The verb form that agrees with a channel's name: verb('stretch', 'pays', 'pay') is "pay". */
export function channelVerb(key: ChannelKey, singular: string, plural: string): string {
  return CHANNELS.find((c) => c.key === key)?.plural ? plural : singular;
}
