import type { Metadata } from 'next';
import { QUICK_PATHS } from '@/lib/schemas/quick-path-options';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { DATE_FIELD, QuickPath } from '../_components/quick-path-page';

export const metadata: Metadata = { title: QUICK_PATHS.linkedin.label };

export default workspacePage(async ({ ctx }) => (
  <QuickPath
    ctx={ctx}
    kind="linkedin"
    fields={[
      { name: 'hours', label: 'Hours', type: 'decimal', required: true },
      { name: 'messages', label: 'Messages sent', type: 'number' },
      { name: 'meetings', label: 'Meetings arranged', type: 'number' },
      { name: 'connections', label: 'Connections made', type: 'number' },
      { name: 'posts', label: 'Posts', type: 'number' },
      { name: 'notes', label: 'Notes', type: 'textarea', max: 2000 },
      DATE_FIELD,
    ]}
  />
));
