import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getContact, listMeetingEffortChoices } from '@/lib/data/contacts';
import { recordsGate, workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { ContactForm } from '../../_components/contact-form';
import { contactToForm } from '../../_components/to-form';

export const metadata: Metadata = { title: 'Edit contact' };

export default workspacePage<{ contactId: string }>(recordsGate('changing records', 'contacts'), async ({ ctx, workspaceId, params: { contactId } }) => {
  const contact = await getContact(ctx, contactId);
  if (!contact) notFound();
  const efforts = await listMeetingEffortChoices(ctx, { include: contact.metThroughEffort?.id });
  const detailHref = `/w/${workspaceId}/contacts/${contact.id}`;
  return (
    <div className="max-w-3xl">
      <PageHeader title={<span className="[overflow-wrap:anywhere]">Edit {contact.name}</span>} />
      <ContactForm
        mode="edit"
        id={contact.id}
        version={contact.version}
        workspaceId={workspaceId}
        initial={contactToForm(contact)}
        efforts={efforts}
        cancelHref={detailHref}
      />
    </div>
  );
});
