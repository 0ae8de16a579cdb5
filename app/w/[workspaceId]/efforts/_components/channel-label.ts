import { channelName, type ChannelKey } from '@/lib/payoff/channels';

/** The channel as shown on a row: its name, or "Other: <label>". */
export function channelLabel(channel: ChannelKey, otherLabel: string | null): string {
  return channel === 'other' && otherLabel ? `Other: ${otherLabel}` : channelName(channel);
}
