import { z } from 'zod';
import { currency, optionalAmount, optionalInt, text } from './common';
import { CADENCE_MAX } from './limits';

export const workspaceSettingsSchema = z.object({
  name: text(80, { min: 1, label: 'Workspace name' }),
  targetNiche: text(200, { label: 'Target niche' }),
  hourlyValue: optionalAmount(100_000, 'Hourly value'),
  currency,
  // Empty leaves new contacts without a cadence.
  defaultCadenceDays: optionalInt(CADENCE_MAX, 'Keep-in-touch cadence for new contacts', { min: 1 }),
});
export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsSchema>;
export type WorkspaceSettings = z.output<typeof workspaceSettingsSchema>;

export const createWorkspaceSchema = z.object({
  name: text(80, { min: 1, label: 'Workspace name' }),
});
