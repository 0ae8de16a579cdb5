import { z } from 'zod';
import { longText, NO_CONTROL_CHARS, text } from './common';
import { isClosedStage, MAX_MONEY, OPPORTUNITY_KINDS, STAGES, type StageKey } from './opportunity-options';

export * from './opportunity-options';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const blankToNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);

/** A required calendar date as YYYY-MM-DD, between 1970-01-01 and 2100-12-31. */
export function isoDate(label = 'Date') {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required`, abort: true })
    .regex(ISO_DATE, { error: `${label} must be a date like 2026-03-12`, abort: true })
    .refine(isRealDate, { error: `${label} is not a real date`, abort: true })
    .refine((v) => v >= '1970-01-01' && v <= '2100-12-31', `${label} must be between 1970 and 2100`);
}

/** A date that may be left empty (null). */
export function optionalIsoDate(label = 'Date') {
  return z.preprocess(blankToNull, isoDate(label).nullable());
}

/** A non-negative amount that defaults to 0 when left empty; arrives as text from forms. */
export function amount(max: number, label = 'Amount') {
  return z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? 0 : v),
    z.coerce
      .number({ error: `${label} must be a number` })
      .finite(`${label} must be a number`)
      .min(0, `${label} cannot be negative`)
      .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`),
  );
}

/** A whole count that may be left empty (null), e.g. drinks had. */
export function optionalInt(max: number, label = 'Count') {
  return z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: `${label} must be a number` })
      .int(`${label} must be a whole number`)
      .min(0, `${label} cannot be negative`)
      .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`)
      .nullable(),
  );
}

/** An id picked from a list, or nothing. */
export function optionalUuid(label = 'This field') {
  return z.preprocess(blankToNull, z.string().uuid(`${label} is not one of the choices`).nullable());
}

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
  .object({ ...fields, id: z.string().uuid('Not a valid id'), version: z.coerce.number().int().min(1).max(2_147_483_647) })
  .superRefine(checkClosedOn)
  .transform(normalise);
export type OpportunityUpdateFormInput = z.input<typeof opportunityUpdateSchema>;
export type OpportunityUpdate = z.output<typeof opportunityUpdateSchema>;

export const moveStageSchema = z.object({
  id: z.string().uuid('Not a valid id'),
  stage,
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  /** Asked for when the move is to Won; empty or 0 keeps what was won before, or else the expected value. */
  wonValue: amount(MAX_MONEY, 'Won value'),
});
export type MoveStageInput = z.output<typeof moveStageSchema>;

export const opportunityIdSchema = z.object({ id: z.string().uuid('Not a valid id') });

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
