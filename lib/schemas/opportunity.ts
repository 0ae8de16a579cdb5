import { z } from 'zod';
import { amount, isoDate, isRealDate, longText, NO_CONTROL_CHARS, optionalIsoDate, optionalUuid, text, uuid, version } from './common';
import { isClosedStage, MAX_MONEY, OPPORTUNITY_KINDS, STAGES, type StageKey } from './opportunity-options';

export * from './opportunity-options';

const stage = z.enum(STAGES, { error: 'Choose a stage from the list' });

const fields = {
  title: text(200, { min: 1, label: 'Title' }),
  kind: z.enum(OPPORTUNITY_KINDS, { error: 'Choose a kind from the list' }),
  contactId: optionalUuid('Contact'),
  effortId: optionalUuid('Effort'),
  stage,
  expectedValue: amount(MAX_MONEY, 'Expected value'),
  wonValue: amount(MAX_MONEY, 'Won value'),
  openedOn: isoDate('Opened on'),
  closedOn: optionalIsoDate('Closed on'),
  notes: longText(5000, 'Notes'),
};

interface StageDates {
  stage: StageKey;
  openedOn: string;
  closedOn: string | null;
}

function checkClosedOn(v: StageDates, ctx: z.RefinementCtx) {
  if (!isClosedStage(v.stage)) return;
  if (!v.closedOn) {
    ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'Enter the date it was won or lost' });
  } else if (v.closedOn < v.openedOn) {
    ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'Closed on cannot be before opened on' });
  }
}

/** Won value only counts once won; an open opportunity has no closed date. */
function normalise<T extends StageDates & { wonValue: number }>(v: T): T {
  return { ...v, wonValue: v.stage === 'won' ? v.wonValue : 0, closedOn: isClosedStage(v.stage) ? v.closedOn : null };
}

/** The form's fields one by one, for checking records that arrive another way (a restored backup). */
export const opportunityFields = fields;

export const opportunitySchema = z.object(fields).superRefine(checkClosedOn).transform(normalise);
export type OpportunityFormInput = z.input<typeof opportunitySchema>;
export type OpportunityInput = z.output<typeof opportunitySchema>;

export const opportunityUpdateSchema = z
  .object({ ...fields, id: uuid, version })
  .superRefine(checkClosedOn)
  .transform(normalise);
export type OpportunityUpdateFormInput = z.input<typeof opportunityUpdateSchema>;
export type OpportunityUpdate = z.output<typeof opportunityUpdateSchema>;

export const moveStageSchema = z.object({
  id: uuid,
  stage,
  version,
  /** Asked for when the move is to Won; empty or 0 keeps what was won before, or else the expected value. */
  wonValue: amount(MAX_MONEY, 'Won value'),
});
export type MoveStageInput = z.output<typeof moveStageSchema>;

export const opportunityIdSchema = z.object({ id: uuid });

/** The list page's query string; anything unexpected falls back to the default. */
export const opportunityListQuery = z.object({
  stage: z.enum(STAGES).optional().catch(undefined),
  q: z.string().regex(NO_CONTROL_CHARS).trim().max(100).optional().catch(undefined),
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .refine((v) => isRealDate(v.slice(0, 10)))
    .optional()
    .catch(undefined),
  view: z.enum(['board', 'list']).optional().catch(undefined),
});
