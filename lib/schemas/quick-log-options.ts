// Choices of the quick log, kept apart from its zod schema so the form can show them without
// downloading the validator first.

/** Channels the phone quick log offers; the full effort form covers the rest. */
export const QUICK_LOG_CHANNELS = ['events', 'volunteering'] as const;
export type QuickLogChannel = (typeof QUICK_LOG_CHANNELS)[number];
export const QUICK_LOG_CHANNEL_LABELS: Record<QuickLogChannel, string> = {
  events: 'Event / happy hour',
  volunteering: 'Favor / volunteering',
};

export const MAX_QUICK_CONTACTS = 3;
