import { z } from 'zod';
import { longText, pastIsoDate, uuid } from './common';
import { DIRECTIONS, INTERACTION_KINDS } from './interaction-options';

export * from './interaction-options';

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
