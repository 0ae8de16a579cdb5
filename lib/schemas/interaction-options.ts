// Kinds and directions the interaction forms show, kept apart from the zod schemas.

export const INTERACTION_KINDS = ['email', 'call', 'meeting', 'message', 'favor', 'pitch'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const KIND_LABELS: Record<InteractionKind, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  favor: 'Favor',
  pitch: 'Pitch',
};

export const DIRECTIONS = ['inbound', 'outbound', 'mutual'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  inbound: 'They reached out',
  outbound: 'I reached out',
  mutual: 'Mutual',
};
