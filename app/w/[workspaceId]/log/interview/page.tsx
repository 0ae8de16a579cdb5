import type { Metadata } from 'next';
import { listContactChoices } from '@/lib/data/contacts';
import { QUICK_PATHS } from '@/lib/schemas/quick-path-options';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { DATE_FIELD, QuickPath } from '../_components/quick-path-page';

export const metadata: Metadata = { title: QUICK_PATHS.interview.label };

export default workspacePage(async ({ ctx }) => {
  const all = await listContactChoices(ctx, { limit: 200 });
  return (
    <QuickPath
      ctx={ctx}
      kind="interview"
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
        DATE_FIELD,
        { name: 'hours', label: 'Hours', type: 'decimal', defaultValue: '0.5', required: true },
      ]}
    />
  );
});
