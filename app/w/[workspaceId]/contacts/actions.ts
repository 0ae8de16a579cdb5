'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import { createContact, deleteContact, updateContact } from '@/lib/data/contacts';
import { createInteraction, deleteInteraction, updateInteraction } from '@/lib/data/interactions';
import { contactSchema, deleteContactSchema, updateContactSchema } from '@/lib/schemas/contact';
import { deleteInteractionSchema, interactionSchema, updateInteractionSchema } from '@/lib/schemas/interaction';

// Data functions return failures in the action result's shape, so a failure is passed on as is.

export const createContactAction = workspaceAction(
  { schema: contactSchema, permission: 'records.write', activity: 'contact.create' },
  async (ctx, input) => {
    const result = await createContact(ctx, input);
    return result.ok ? result.data : result;
  },
);

export const updateContactAction = workspaceAction(
  { schema: updateContactSchema, permission: 'records.write', activity: 'contact.update' },
  async (ctx, input) => {
    const result = await updateContact(ctx, input);
    return result.ok ? result.data : result;
  },
);

const toContact = (workspaceId: string, contact: { id: string }) => `/w/${workspaceId}/contacts/${contact.id}`;
export const createContactFormAction = workspaceFormAction(createContactAction, { redirectTo: toContact });
export const updateContactFormAction = workspaceFormAction(updateContactAction, { redirectTo: toContact });

export const deleteContactAction = workspaceAction(
  { schema: deleteContactSchema, permission: 'records.write', activity: 'contact.delete' },
  async (ctx, input) => {
    const result = await deleteContact(ctx, input.id);
    return result.ok ? result.data : result;
  },
);

export const createInteractionAction = workspaceAction(
  { schema: interactionSchema, permission: 'records.write', activity: 'interaction.create' },
  async (ctx, input) => {
    const result = await createInteraction(ctx, input);
    return result.ok ? result.data : result;
  },
);

export const updateInteractionAction = workspaceAction(
  { schema: updateInteractionSchema, permission: 'records.write', activity: 'interaction.update' },
  async (ctx, input) => {
    const result = await updateInteraction(ctx, input);
    return result.ok ? result.data : result;
  },
);

export const deleteInteractionAction = workspaceAction(
  { schema: deleteInteractionSchema, permission: 'records.write', activity: 'interaction.delete' },
  async (ctx, input) => {
    const result = await deleteInteraction(ctx, input.id);
    return result.ok ? result.data : result;
  },
);
