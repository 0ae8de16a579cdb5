import type { Metadata } from 'next';
import { can } from '@/lib/permissions';
import { requireWorkspace } from '@/lib/workspace';
import { NotAllowed } from '@/app/w/[workspaceId]/_components/not-allowed';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  if (!can(ctx.role, 'workspace.settings')) {
    return <NotAllowed role={ctx.role} purpose="the workspace's owners, to change its settings" back={{ href: `/w/${workspaceId}`, label: 'Back to the dashboard' }} />;
  }
  const w = ctx.workspace;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">Workspace settings</h1>
      <section className="card" aria-labelledby="general-title">
        <h2 id="general-title" className="text-lg font-semibold">
          General
        </h2>
        <SettingsForm
          workspaceId={workspaceId}
          initial={{
            name: w.name,
            targetNiche: w.targetNiche,
            hourlyValue: w.hourlyValue === null ? '' : String(w.hourlyValue),
            currency: w.currency as never,
            defaultCadenceDays: w.defaultCadenceDays === null ? '' : String(w.defaultCadenceDays),
          }}
        />
      </section>
    </div>
  );
}
