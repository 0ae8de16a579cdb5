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
  const base = `/w/${workspaceId}`;
  const items: NavItem[] = [
    { href: base, label: 'Dashboard', icon: 'dashboard', exact: true, mobile: true },
    ...(can(ctx.role, 'records.write') ? [{ href: `${base}/log`, label: 'Log', icon: 'log' as const, mobile: true }] : []),
    { href: `${base}/efforts`, label: 'Efforts', icon: 'efforts', mobile: true },
    { href: `${base}/contacts`, label: 'Contacts', icon: 'contacts', mobile: true },
    { href: `${base}/opportunities`, label: 'Opportunities', icon: 'opportunities', mobile: true },
    { href: `${base}/linkedin`, label: 'LinkedIn profile', icon: 'efforts' },
    ...(can(ctx.role, 'records.write') ? [{ href: `${base}/import`, label: 'Import', icon: 'efforts' as const }] : []),
    { href: `${base}/export`, label: 'Export & calendar', icon: 'efforts' },
    { href: `${base}/members`, label: 'Members', icon: 'team' },
    ...(workspaces.length > 1 ? [{ href: '/roster', label: 'Roster', icon: 'team' as const }] : []),
    ...(can(ctx.role, 'audit.read') ? [{ href: `${base}/audit`, label: 'Activity', icon: 'efforts' as const }] : []),
    { href: '/account', label: 'Account', icon: 'settings' },
    ...(can(ctx.role, 'workspace.settings')
      ? [{ href: `${base}/settings`, label: 'Settings', icon: 'settings' as const }]
      : []),
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
