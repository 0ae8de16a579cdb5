import { z } from 'zod';
import { longText, uuid } from './common';
import { pastIsoDate } from './contact';

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

const fields = {
  date: pastIsoDate('Date'),
  kind: z.enum(INTERACTION_KINDS, { error: 'Choose a kind from the list' }),
  direction: z.enum(DIRECTIONS, { error: 'Choose who reached out' }),
  notes: longText(2000, 'Notes'),
};

export const interactionSchema = z.object({ contactId: uuid, ...fields });
export type InteractionFormInput = z.input<typeof interactionSchema>;
export type InteractionInput = z.output<typeof interactionSchema>;

export const updateInteractionSchema = z.object({ id: uuid, ...fields });
export type UpdateInteractionInput = z.output<typeof updateInteractionSchema>;

export const deleteInteractionSchema = z.object({ id: uuid });
