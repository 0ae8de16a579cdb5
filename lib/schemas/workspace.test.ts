import { describe, expect, it } from 'vitest';
import { workspaceSettingsSchema } from './workspace';

const valid = { name: 'My search', targetNiche: 'biotech marketing writing', hourlyValue: '85', currency: 'USD' };

function errorsOf(input: unknown) {
  const r = workspaceSettingsSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('workspace settings schema', () => {
  it('coerces the hourly value from text and keeps an empty one as null', () => {
    expect(workspaceSettingsSchema.parse(valid).hourlyValue).toBe(85);
    expect(workspaceSettingsSchema.parse({ ...valid, hourlyValue: '' }).hourlyValue).toBeNull();
  });

  it('limits the name to 1–80 characters and the niche to 200', () => {
    expect(errorsOf({ ...valid, name: '' }).name).toBe('Workspace name is required');
    expect(errorsOf({ ...valid, name: 'x'.repeat(81) }).name).toMatch(/at most 80/);
    expect(errorsOf({ ...valid, targetNiche: 'x'.repeat(201) }).targetNiche).toMatch(/at most 200/);
    expect(errorsOf({ ...valid, targetNiche: '' }).targetNiche).toBeUndefined();
  });

  it('refuses negative, huge and non-numeric hourly values', () => {
    expect(errorsOf({ ...valid, hourlyValue: '-1' }).hourlyValue).toBe('Hourly value cannot be negative');
    expect(errorsOf({ ...valid, hourlyValue: '100001' }).hourlyValue).toMatch(/at most 100,000/);
    expect(errorsOf({ ...valid, hourlyValue: 'abc' }).hourlyValue).toBe('Hourly value must be a number');
    expect(errorsOf({ ...valid, hourlyValue: 'Infinity' }).hourlyValue).toBeDefined();
  });

  it('only takes listed currencies', () => {
    expect(errorsOf({ ...valid, currency: 'XYZ' }).currency).toBe('Choose a currency from the list');
    expect(errorsOf({ ...valid, currency: 'EUR' }).currency).toBeUndefined();
  });

  it('takes a default keep-in-touch cadence of 1 to 3,650 days, or none', () => {
    expect(workspaceSettingsSchema.parse({ ...valid, defaultCadenceDays: '45' }).defaultCadenceDays).toBe(45);
    expect(workspaceSettingsSchema.parse({ ...valid, defaultCadenceDays: '' }).defaultCadenceDays).toBeNull();
    expect(errorsOf({ ...valid, defaultCadenceDays: '0' }).defaultCadenceDays).toMatch(/at least 1/);
    expect(errorsOf({ ...valid, defaultCadenceDays: '3651' }).defaultCadenceDays).toMatch(/at most 3,650/);
    expect(errorsOf({ ...valid, defaultCadenceDays: '2.5' }).defaultCadenceDays).toMatch(/whole number/);
  });
});
