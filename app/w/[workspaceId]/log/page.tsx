import type { Metadata } from 'next';
import { today } from '@/lib/dates';
import { requireWorkspace } from '@/lib/workspace';
import { QuickPathPage } from './_components/quick-path-page';
import { QuickLogForm } from './quick-log-form';

export const metadata: Metadata = { title: 'Quick log' };

export default async function QuickLogPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  return (
    <QuickPathPage ctx={ctx} kind="event" title="Quick log" description="An evening out or a favor, and the people you met: logged in under a minute.">
      <QuickLogForm workspaceId={workspaceId} currency={ctx.workspace.currency} today={today()} />
    </QuickPathPage>
  );
}
