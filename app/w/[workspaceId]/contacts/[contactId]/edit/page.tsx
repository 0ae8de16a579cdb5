import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getContact, listMeetingEffortChoices } from '@/lib/data/contacts';
import { can } from '@/lib/permissions';
import { requireWorkspace } from '@/lib/workspace';
import { NotAllowed } from '@/app/w/[workspaceId]/_components/not-allowed';
import { ContactForm } from '../../_components/contact-form';
import { contactToForm } from '../../_components/to-form';

export const metadata: Metadata = { title: 'Edit contact' };

export default async function EditContactPage({ params }: { params: Promise<{ workspaceId: string; contactId: string }> }) {
  const { workspaceId, contactId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  if (!can(ctx.role, 'records.write')) {
    return <NotAllowed role={ctx.role} purpose="changing records" back={{ href: `/w/${workspaceId}/contacts`, label: 'Back to contacts' }} />;
  }
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
}
