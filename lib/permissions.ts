import type { Role } from '@/db/schema';

export const ROLES = ['owner', 'editor', 'coach', 'viewer'] as const satisfies readonly Role[];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.settings',
  'workspace.delete',
  'workspace.export',
  'members.read',
  'members.manage',
  'records.write',
  'comments.write',
  'comments.moderate',
  'notes.private',
  'goals.write',
  'audit.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do. The single source of truth; tests walk every cell. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  editor: ['workspace.read', 'members.read', 'records.write', 'comments.write'],
  coach: ['workspace.read', 'members.read', 'comments.write', 'notes.private', 'goals.write'],
  viewer: ['workspace.read'],
};

/** Whether a role grants a permission. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export class ForbiddenError extends Error {
  constructor(permission: Permission) {
    super(`Forbidden: ${permission}`);
    this.name = 'ForbiddenError';
  }
}

/** Throws ForbiddenError unless the context's role grants the permission. */
export function assertCan(ctx: { role: Role }, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new ForbiddenError(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  coach: 'Coach',
  viewer: 'Viewer',
};
