import { describe, expect, it } from 'vitest';
import { assertCan, can, ForbiddenError, PERMISSIONS, ROLES, type Permission } from './permissions';
import type { Role } from '@/db/schema';

// The expected table, written out by hand: every role × every permission.
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'workspace.read': { owner: true, editor: true, coach: true, viewer: true },
  'workspace.settings': { owner: true, editor: false, coach: false, viewer: false },
  'workspace.delete': { owner: true, editor: false, coach: false, viewer: false },
  'workspace.export': { owner: true, editor: false, coach: false, viewer: false },
  'members.read': { owner: true, editor: true, coach: true, viewer: false },
  'members.manage': { owner: true, editor: false, coach: false, viewer: false },
  'records.write': { owner: true, editor: true, coach: false, viewer: false },
  'comments.write': { owner: true, editor: true, coach: true, viewer: false },
  'comments.moderate': { owner: true, editor: false, coach: false, viewer: false },
  'notes.private': { owner: true, editor: false, coach: true, viewer: false },
  'goals.write': { owner: true, editor: false, coach: true, viewer: false },
  'audit.read': { owner: true, editor: false, coach: false, viewer: false },
};

describe('permissions', () => {
  it('the expected table covers every permission', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      it(`${role} ${EXPECTED[permission][role] ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(EXPECTED[permission][role]);
        if (EXPECTED[permission][role]) expect(() => assertCan({ role }, permission)).not.toThrow();
        else expect(() => assertCan({ role }, permission)).toThrow(ForbiddenError);
      });
    }
  }

  it('an unknown role is refused everything', () => {
    for (const permission of PERMISSIONS) expect(can('admin' as Role, permission)).toBe(false);
  });
});
