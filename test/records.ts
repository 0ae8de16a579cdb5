// Workspace records for data tests: the shapes the forms and the data layer take, and rows
// inserted directly where a test needs something to point at.
import type { DbHandle } from '@/db';
import { contacts, efforts } from '@/db/schema';
import type { ActionFailure } from '@/lib/result';
import { isFailure } from '@/lib/result';
import { BLANK_CONTACT_FORM, type ContactFormInput, type ContactInput } from '@/lib/schemas/contact';

/** The value of a data function that must succeed in this test; a refusal throws. */
export function unwrap<T>(result: T | ActionFailure): T {
  if (isFailure(result)) throw new Error(`unexpected failure: ${JSON.stringify(result)}`);
  return result;
}

/** What the contact form posts with a name and only these fields filled in. */
export function contactForm(name: string, more: Partial<ContactFormInput> = {}): ContactFormInput {
  return { ...BLANK_CONTACT_FORM, name, ...more };
}

/** A contact as the data layer takes it once the form is parsed, with only these fields set. */
export function contactInput(name: string, more: Partial<ContactInput> = {}): ContactInput {
  return {
    name,
    email: '',
    phone: '',
    company: '',
    role: '',
    linkedinUrl: '',
    tags: [],
    notes: '',
    metThroughEffortId: null,
    channel: null,
    metOn: null,
    cadenceDays: null,
    nextFollowUpOn: null,
    ...more,
  };
}

/** A contact row inserted directly; returns its id. */
export async function addContactRow(handle: DbHandle, workspaceId: string, name: string, more: Partial<typeof contacts.$inferInsert> = {}) {
  const [c] = await handle.db.insert(contacts).values({ workspaceId, name, ...more }).returning({ id: contacts.id });
  return c.id;
}

/** An effort row inserted directly (an event unless told otherwise); returns its id. */
export async function addEffortRow(handle: DbHandle, workspaceId: string, more: Partial<typeof efforts.$inferInsert> = {}) {
  const [e] = await handle.db
    .insert(efforts)
    .values({ workspaceId, channel: 'events', title: 'Mixer', date: '2026-01-10', ...more })
    .returning({ id: efforts.id });
  return e.id;
}
