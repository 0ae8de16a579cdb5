import type { Metadata } from 'next';
import { today } from '@/lib/dates';
import { QuickPathPage } from './_components/quick-path-page';
import { QuickLogForm } from './quick-log-form';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Quick log' };

export default workspacePage(async ({ ctx, workspaceId }) => {
  return (
    <QuickPathPage ctx={ctx} kind="event" title="Quick log" description="An evening out or a favor, and the people you met: logged in under a minute.">
      <QuickLogForm workspaceId={workspaceId} currency={ctx.workspace.currency} today={today()} />
    </QuickPathPage>
  );
});
