'use server';

import { z } from 'zod';
import { workspaceAction } from '@/lib/action';
import { deleteCalendarFeed, regenerateCalendarFeed } from '@/lib/data/calendar';

/** Creates or replaces the caller's private calendar URL; the token is shown once. */
export const regenerateCalendarFeedAction = workspaceAction(
  { schema: z.object({}), permission: 'workspace.read', activity: 'calendar.regenerate' },
  async (ctx) => ({ token: await regenerateCalendarFeed(ctx.userId, ctx) }),
);

/** Turns the caller's calendar feed off. */
export const deleteCalendarFeedAction = workspaceAction(
  { schema: z.object({}), permission: 'workspace.read', activity: 'calendar.delete' },
  async (ctx) => {
    await deleteCalendarFeed(ctx.userId, ctx);
    return { done: true };
  },
);
