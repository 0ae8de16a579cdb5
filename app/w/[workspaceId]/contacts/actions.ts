'use server';

import { workspaceAction, workspaceFormAction } from '@/lib/action';
import { createContact, deleteContact, updateContact } from '@/lib/data/contacts';
import { createInteraction, deleteInteraction, updateInteraction } from '@/lib/data/interactions';
import { contactSchema, deleteContactSchema, updateContactSchema } from '@/lib/schemas/contact';
import { deleteInteractionSchema, interactionSchema, updateInteractionSchema } from '@/lib/schemas/interaction';

// Data functions return their result or the action failure, so each is passed on as is.

export const createContactAction = workspaceAction({ schema: contactSchema, permission: 'records.write', activity: 'contact.create' }, createContact);

export const updateContactAction = workspaceAction({ schema: updateContactSchema, permission: 'records.write', activity: 'contact.update' }, updateContact);

const toContact = (workspaceId: string, contact: { id: string }) => `/w/${workspaceId}/contacts/${contact.id}`;
export const createContactFormAction = workspaceFormAction(createContactAction, { redirectTo: toContact });
export const updateContactFormAction = workspaceFormAction(updateContactAction, { redirectTo: toContact });

export const deleteContactAction = workspaceAction(
  { schema: deleteContactSchema, permission: 'records.write', activity: 'contact.delete' },
  (ctx, input) => deleteContact(ctx, input.id),
);

export const createInteractionAction = workspaceAction({ schema: interactionSchema, permission: 'records.write', activity: 'interaction.create' }, createInteraction);

export const updateInteractionAction = workspaceAction({ schema: updateInteractionSchema, permission: 'records.write', activity: 'interaction.update' }, updateInteraction);

export const deleteInteractionAction = workspaceAction(
  { schema: deleteInteractionSchema, permission: 'records.write', activity: 'interaction.delete' },
  (ctx, input) => deleteInteraction(ctx, input.id),
);

// Posted before the script runs: a new interaction shows in the contact's timeline on the same page,
// an edited one goes back to the contact.
export const createInteractionFormAction = workspaceFormAction(createInteractionAction);
export const deleteContactFormAction = workspaceFormAction(deleteContactAction, { redirectTo: (workspaceId) => `/w/${workspaceId}/contacts` });
export const deleteInteractionFormAction = workspaceFormAction(deleteInteractionAction);
export const updateInteractionFormAction = workspaceFormAction(updateInteractionAction, {
  redirectTo: (workspaceId, interaction) => `/w/${workspaceId}/contacts/${interaction.contactId}`,
});
