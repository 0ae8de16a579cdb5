import { myWorkspaces, requireWorkspace } from '@/lib/workspace';
import { can } from '@/lib/permissions';
import { VerifyBanner } from '@/app/account/_components/verify-banner';
import { Shell, type NavItem } from './_components/shell';

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const ctx = await requireWorkspace(workspaceId);
  const workspaces = await myWorkspaces(ctx.userId);
  const items: NavItem[] = [
    { to: '', label: 'Dashboard', icon: 'dashboard', mobile: true },
    ...(can(ctx.role, 'records.write') ? [{ to: 'log', label: 'Log', icon: 'log' as const, mobile: true }] : []),
    { to: 'efforts', label: 'Efforts', icon: 'efforts', mobile: true },
    { to: 'contacts', label: 'Contacts', icon: 'contacts', mobile: true },
    { to: 'opportunities', label: 'Opportunities', icon: 'opportunities', mobile: true },
    { to: 'linkedin', label: 'LinkedIn profile', icon: 'efforts' },
    ...(can(ctx.role, 'records.write') ? [{ to: 'import', label: 'Import', icon: 'efforts' as const }] : []),
    { to: 'export', label: 'Export & calendar', icon: 'efforts' },
    { to: 'members', label: 'Members', icon: 'team' },
    ...(workspaces.length > 1 ? [{ to: '/roster', label: 'Roster', icon: 'team' as const }] : []),
    ...(can(ctx.role, 'audit.read') ? [{ to: 'audit', label: 'Activity', icon: 'efforts' as const }] : []),
    { to: '/account', label: 'Account', icon: 'settings' },
    ...(can(ctx.role, 'workspace.settings') ? [{ to: 'settings', label: 'Settings', icon: 'settings' as const }] : []),
  ];
  return (
    <Shell
      items={items}
      workspaces={workspaces}
      current={{ id: workspaceId, name: ctx.workspace.name, role: ctx.role }}
      userName={ctx.user.name}
    >
      <VerifyBanner />
      {children}
    </Shell>
  );
}
