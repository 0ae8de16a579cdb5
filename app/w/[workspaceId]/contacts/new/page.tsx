import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { listMeetingEffortChoices } from '@/lib/data/contacts';
import { recordsGate, workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { ContactForm } from '../_components/contact-form';
import { blankContact } from '../_components/to-form';

export const metadata: Metadata = { title: 'Add contact' };

export default workspacePage(recordsGate('adding records', 'contacts'), async ({ ctx, workspaceId, searchParams }) => {
  const { effort } = await searchParams;
  const efforts = await listMeetingEffortChoices(ctx, { include: typeof effort === 'string' ? effort : null });
  // ?effort=<id> preselects the effort where you met, when it is one of this workspace's.
  const preset = typeof effort === 'string' && efforts.some((e) => e.id === effort) ? effort : '';
  return (
    <div className="max-w-3xl">
      <PageHeader title="Add contact" description="Someone you met. Say how often to keep in touch, so they remember you." />
      <ContactForm
        mode="create"
        workspaceId={workspaceId}
        initial={blankContact(preset, ctx.workspace.defaultCadenceDays)}
        efforts={efforts}
        cancelHref={`/w/${workspaceId}/contacts`}
      />
    </div>
  );
});
