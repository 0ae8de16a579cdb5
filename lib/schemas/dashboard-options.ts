// The dashboard's periods and attribution models, with their labels: zod-free, so the view controls
// can show them in the browser without carrying the parser (lib/schemas/dashboard.ts).

export const PERIODS = ['30', '90', '365', 'all', 'custom'] as const;
export type PeriodKey = (typeof PERIODS)[number];
export const MODELS = ['first', 'last', 'linear', 'position'] as const;
export type ModelKey = (typeof MODELS)[number];

export const MODEL_LABELS: Record<ModelKey, string> = {
  first: 'First touch',
  last: 'Last touch',
  linear: 'Linear',
  position: 'Position-based',
};

/**
 * The default period: networking pays back months after the hours, so a year of investment
 * (and everything that has come of it since) is the shortest window that does not cut cause from
 * effect for most channels (docs/decisions/0007-investment-cohorts.md).
 */
export const DEFAULT_PERIOD: PeriodKey = '365';
export const DEFAULT_PERIOD_DAYS = 365;

export const PERIOD_LABELS: Record<PeriodKey, string> = {
  '30': 'Last 30 days',
  '90': 'Last 90 days',
  '365': 'Last 12 months',
  all: 'All time',
  custom: 'Custom',
};
