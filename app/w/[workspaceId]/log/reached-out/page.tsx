import type { Metadata } from 'next';
import { listContactChoices } from '@/lib/data/contacts';
import { listRecentContacts } from '@/lib/data/quick-log';
import { KIND_LABELS } from '@/lib/schemas/interaction';
import { QUICK_PATHS, REACHED_OUT_KINDS } from '@/lib/schemas/quick-path-options';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';
import { DATE_FIELD, QuickPath } from '../_components/quick-path-page';

export const metadata: Metadata = { title: QUICK_PATHS['reached-out'].label };

export default workspacePage(async ({ ctx }) => {
  const [recent, all] = await Promise.all([listRecentContacts(ctx), listContactChoices(ctx, { limit: 200 })]);
  return (
    <QuickPath
      ctx={ctx}
      kind="reached-out"
      fields={[
        ...(recent.length
          ? [{ name: 'contactId', label: 'Who?', type: 'choice' as const, options: recent.map((c) => ({ value: c.id, label: c.name })) }]
          : []),
        {
          name: 'personName',
          label: recent.length ? 'Someone else (type a name)' : 'Who? (type a name)',
          type: 'text',
          max: 120,
          list: all.map((c) => c.name),
          hint: 'A name already in your contacts is matched to them; a new one is added.',
        },
        {
          name: 'kind',
          label: 'How?',
          type: 'choice',
          required: true,
          defaultValue: 'message',
          options: REACHED_OUT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
        },
        { name: 'notes', label: 'Note', type: 'textarea', max: 2000 },
        DATE_FIELD,
      ]}
    />
  );
});
