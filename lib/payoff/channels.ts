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
}

/** The built-in channels with their display names, in display order. */
export const CHANNELS: readonly Channel[] = [
  { key: 'events', name: 'Networking events & happy hours' },
  { key: 'organizations', name: 'Professional organizations & clubs' },
  { key: 'volunteering', name: 'Volunteering & favors' },
  { key: 'stretch', name: 'Stretch projects' },
  { key: 'interviews', name: 'Informational interviews' },
  { key: 'linkedin', name: 'LinkedIn' },
  { key: 'other', name: 'Other' },
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
