import { describe, expect, it } from 'vitest';
import { parseDashboardView } from './dashboard';

const now = new Date('2026-11-25T12:00:00Z');

describe('dashboard view from the URL', () => {
  it('defaults to the last 12 months and first touch', () => {
    expect(parseDashboardView({}, now)).toMatchObject({ period: '365', from: '2025-11-26', to: '2026-11-25', model: 'first', label: 'Last 12 months' });
  });
  it('takes the last 90 days when asked', () => {
    expect(parseDashboardView({ period: '90' }, now)).toMatchObject({ period: '90', from: '2026-08-28', to: '2026-11-25' });
  });
  it('takes the listed periods and models', () => {
    expect(parseDashboardView({ period: '30', model: 'linear' }, now)).toMatchObject({ from: '2026-10-27', model: 'linear' });
    expect(parseDashboardView({ period: 'all', model: 'position' }, now)).toMatchObject({ from: null, model: 'position' });
  });
  it('takes a valid custom range and refuses a reversed or malformed one', () => {
    expect(parseDashboardView({ period: 'custom', from: '2026-01-01', to: '2026-03-31' }, now)).toMatchObject({
      period: 'custom', from: '2026-01-01', to: '2026-03-31',
    });
    expect(parseDashboardView({ period: 'custom', from: '2026-03-31', to: '2026-01-01' }, now)).toMatchObject({
      period: 'custom', from: '2026-01-01', to: '2026-03-31', notice: 'From was after To, so the two dates were swapped.',
    });
    expect(parseDashboardView({ period: 'custom', from: '2026-02-30', to: '2026-03-01' }, now)).toMatchObject({ period: '365', notice: expect.stringMatching(/needs a From and a To.*last 12 months/) });
    expect(parseDashboardView({ period: 'custom', from: "'; drop table", to: 'x' }, now).period).toBe('365');
    expect(parseDashboardView({ period: 'custom', from: '2026-01-01', to: '' }, now).notice).toMatch(/needs a From and a To/);
    expect(parseDashboardView({ period: 'custom', from: '2026-01-01', to: '2026-03-31' }, now).notice).toBeUndefined();
  });

  it('says so when dates come with a period that is not Custom, and keeps the chosen period', () => {
    expect(parseDashboardView({ period: '30', from: '2026-01-01', to: '2026-03-31' }, now)).toMatchObject({
      period: '30', from: '2026-10-27', notice: 'From and To apply only when Period is Custom; showing last 30 days.',
    });
    expect(parseDashboardView({ period: '90', from: '', to: '' }, now).notice).toBeUndefined();
  });
  it('ignores unknown values and arrays', () => {
    expect(parseDashboardView({ period: '7', model: 'magic' }, now)).toMatchObject({ period: '365', model: 'first' });
    expect(parseDashboardView({ period: ['30', '90'] }, now).period).toBe('365');
  });
});
