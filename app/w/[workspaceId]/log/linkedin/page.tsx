import type { Metadata } from 'next';
import { today } from '@/lib/dates';
import { requireWorkspace } from '@/lib/workspace';
import { QuickPathForm } from '../_components/quick-path-form';
import { QuickPathPage } from '../_components/quick-path-page';

export const metadata: Metadata = { title: 'LinkedIn work' };

export default async function LinkedinWorkPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  return (
    <QuickPathPage ctx={ctx} kind="linkedin" title="LinkedIn work" description="A sitting of messages, posts and arranging meetings.">
      <QuickPathForm
        kind="linkedin"
        workspaceId={workspaceId}
        label="LinkedIn work"
        today={today()}
        describe={{ field: 'notes', prefix: 'LinkedIn work' }}
        savedText="LinkedIn work logged."
        fields={[
          { name: 'hours', label: 'Hours', type: 'decimal', required: true },
          { name: 'messages', label: 'Messages sent', type: 'number' },
          { name: 'meetings', label: 'Meetings arranged', type: 'number' },
          { name: 'connections', label: 'Connections made', type: 'number' },
          { name: 'posts', label: 'Posts', type: 'number' },
          { name: 'notes', label: 'Notes', type: 'textarea', max: 2000 },
          { name: 'date', label: 'Date', type: 'date', defaultValue: 'today', required: true },
        ]}
      />
    </QuickPathPage>
  );
}
