import type { ContactDetail } from '@/lib/data/contacts';
import { BLANK_CONTACT_FORM, CHANNEL_UNKNOWN, type ContactFormInput } from '@/lib/schemas/contact';

/** Empty form values for a new contact, starting from the workspace's default cadence. */
export function blankContact(metThroughEffortId = '', cadenceDays: number | null = null): ContactFormInput {
  return {
    ...BLANK_CONTACT_FORM,
    name: '',
    metThroughEffortId,
    channel: CHANNEL_UNKNOWN,
    cadenceDays: cadenceDays === null ? '' : String(cadenceDays),
  };
}

/** A stored contact as the text values its edit form starts from. */
export function contactToForm(c: ContactDetail): ContactFormInput {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    role: c.role,
    linkedinUrl: c.linkedinUrl,
    tags: c.tags.join(', '),
    notes: c.notes,
    metThroughEffortId: c.metThroughEffort?.id ?? '',
    channel: c.channel ?? CHANNEL_UNKNOWN,
    metOn: c.metOn ?? '',
    cadenceDays: c.cadenceDays === null ? '' : String(c.cadenceDays),
    nextFollowUpOn: c.nextFollowUpOn ?? '',
  };
}
