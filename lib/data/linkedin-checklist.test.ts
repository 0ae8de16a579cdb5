import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/permissions';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import type { WorkspaceCtx } from './context';
import { getLinkedinChecklist, saveLinkedinChecklist } from './linkedin-checklist';

testDatabase();
let alice: WorkspaceCtx;
let bob: WorkspaceCtx;

const none = { summary: false, workHistory: false, affiliations: false, degrees: false, hobbies: false };

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
});

describe('LinkedIn profile checklist', () => {
  it('starts with everything missing', async () => {
    expect(await getLinkedinChecklist(alice)).toEqual({
      ...none,
      done: 0,
      total: 5,
      missing: ['a summary', 'work history', 'affiliations', 'degrees', 'hobbies'],
    });
  });

  it('saves ticks, counts what is done and lists what is missing in order', async () => {
    const saved = await saveLinkedinChecklist(alice, { ...none, summary: true, workHistory: true, degrees: true });
    expect(saved).toMatchObject({ done: 3, missing: ['affiliations', 'hobbies'] });
    expect(await getLinkedinChecklist(alice)).toMatchObject({ summary: true, affiliations: false, done: 3 });
    const again = await saveLinkedinChecklist(alice, { ...none, hobbies: true });
    expect(again).toMatchObject({ summary: false, hobbies: true, done: 1 });
  });

  it('keeps each workspace’s checklist apart', async () => {
    await saveLinkedinChecklist(bob, { summary: true, workHistory: true, affiliations: true, degrees: true, hobbies: true });
    expect(await getLinkedinChecklist(bob)).toMatchObject({ done: 5, missing: [] });
    expect(await getLinkedinChecklist(alice)).toMatchObject({ done: 1 });
  });

  it('lets coaches and viewers read but not save', async () => {
    for (const role of ['coach', 'viewer'] as const) {
      const ctx = { ...alice, role };
      await expect(saveLinkedinChecklist(ctx, { ...none, summary: true })).rejects.toThrow(ForbiddenError);
      expect(await getLinkedinChecklist(ctx)).toMatchObject({ done: 1, hobbies: true });
    }
  });
});
