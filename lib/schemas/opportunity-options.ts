// Stages, kinds and limits the opportunity forms show, kept apart from the zod schemas.

export const STAGES = ['lead', 'talking', 'proposal', 'won', 'lost'] as const;
export type StageKey = (typeof STAGES)[number];
export const STAGE_LABELS: Record<StageKey, string> = {
  lead: 'Lead',
  talking: 'Talking',
  proposal: 'Proposal / interview',
  won: 'Won',
  lost: 'Lost',
};
/** Stages that end an opportunity; they carry a closed-on date. */
export const CLOSED_STAGES: readonly StageKey[] = ['won', 'lost'];
export const isClosedStage = (stage: StageKey) => CLOSED_STAGES.includes(stage);

export const OPPORTUNITY_KINDS = ['job', 'client', 'gig', 'referral', 'speaking', 'partnership'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const KIND_LABELS: Record<OpportunityKind, string> = {
  job: 'Job',
  client: 'Client',
  gig: 'Gig',
  referral: 'Referral',
  speaking: 'Speaking',
  partnership: 'Partnership',
};

export const MAX_MONEY = 10_000_000;
