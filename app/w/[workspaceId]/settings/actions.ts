'use server';

import { z } from 'zod';
import { fail, workspaceAction, workspaceFormAction } from '@/lib/action';
import { acceptMailReview, deleteMailInbox, dismissMailReview, inboxAddress, rotateMailInbox } from '@/lib/data/mail-inbox';
import { updateWorkspaceSettings } from '@/lib/data/workspaces';
import { env } from '@/lib/env';
import { uuid } from '@/lib/schemas/common';
import { workspaceSettingsSchema } from '@/lib/schemas/workspace';

export const updateWorkspaceSettingsAction = workspaceAction({ schema: workspaceSettingsSchema, permission: 'workspace.settings', activity: 'workspace.update' }, updateWorkspaceSettings);
export const updateWorkspaceSettingsFormAction = workspaceFormAction(updateWorkspaceSettingsAction);

/** Makes or replaces the workspace's forwarding address; the address is shown once. */
export const rotateMailInboxAction = workspaceAction(
  { schema: z.object({}), permission: 'workspace.settings', activity: 'workspace.mail_inbox' },
  async (ctx) => {
    const domain = env().INBOUND_MAIL_DOMAIN;
    if (!domain) return fail('Forwarding addresses are not set up on this server.');
    return { address: inboxAddress(await rotateMailInbox(ctx), domain) };
  },
);

/** Turns the forwarding address off: mail to it is refused from now on. */
export const deleteMailInboxAction = workspaceAction(
  { schema: z.object({}), permission: 'workspace.settings', activity: 'workspace.mail_inbox_delete' },
  async (ctx) => {
    await deleteMailInbox(ctx);
    return { done: true };
  },
);

const reviewSchema = z.object({ id: uuid });

/** Adds the person of a forwarded message as a contact, with the message in their timeline. */
export const acceptMailReviewAction = workspaceAction(
  { schema: reviewSchema, permission: 'workspace.settings', activity: 'interaction.mail_accept' },
  async (ctx, input) => acceptMailReview(ctx, input.id),
);

/** Leaves a forwarded message out of the records. */
export const dismissMailReviewAction = workspaceAction(
  { schema: reviewSchema, permission: 'workspace.settings', activity: 'interaction.mail_dismiss' },
  async (ctx, input) => dismissMailReview(ctx, input.id),
);
