import type { Metadata } from 'next';
import { listContactChoices } from '@/lib/data/contacts';
import { today } from '@/lib/dates';
import { requireWorkspace } from '@/lib/workspace';
import { QuickPathForm } from '../_components/quick-path-form';
import { QuickPathPage } from '../_components/quick-path-page';

export const metadata: Metadata = { title: 'Informational interview' };

export default async function InterviewPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  const all = await listContactChoices(ctx, { limit: 200 });
  return (
    <QuickPathPage
      ctx={ctx}
      kind="interview"
      title="Informational interview"
      description="Right after the conversation: who, what you learned, and when to follow up."
    >
      <QuickPathForm
        kind="interview"
        workspaceId={workspaceId}
        label="Informational interview"
        today={today()}
        describe={{ field: 'personName', prefix: 'Interview' }}
        savedText="Interview logged. Send the thank-you within two days; the follow-up date is on their contact."
        fields={[
          {
            name: 'personName',
            label: 'Who did you talk to?',
            type: 'text',
            required: true,
            max: 120,
            list: all.map((c) => c.name),
            hint: 'Someone already in your contacts is matched by name; a new name is added as a contact.',
          },
          { name: 'company', label: 'Their company', type: 'text', max: 120 },
          { name: 'personRole', label: 'Their role', type: 'text', max: 120 },
          { name: 'learned', label: 'What you learned', type: 'textarea', max: 2000 },
          { name: 'thankYouSent', label: 'Thank-you sent', type: 'checkbox' },
          { name: 'followUpOn', label: 'Follow up on', type: 'date' },
          { name: 'date', label: 'Date', type: 'date', defaultValue: 'today', required: true },
          { name: 'hours', label: 'Hours', type: 'decimal', defaultValue: '0.5', required: true },
        ]}
      />
    </QuickPathPage>
  );
}
