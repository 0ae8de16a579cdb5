import { describe, expect, it } from 'vitest';
import {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchema,
  deleteAccountSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  sessionIdSchema,
} from './account';

const token = 'A'.repeat(43);
const firstError = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('account schemas', () => {
  it('normalises the address for a reset request and refuses non-addresses', () => {
    expect(forgotPasswordSchema.parse({ email: '  Ana@Example.COM ' })).toEqual({ email: 'ana@example.com' });
    expect(forgotPasswordSchema.safeParse({ email: 'ana@' }).success).toBe(false);
    expect(forgotPasswordSchema.safeParse({ email: `${'a'.repeat(250)}@example.com` }).success).toBe(false);
  });

  it('accepts only tokens shaped like ours', () => {
    expect(resetPasswordSchema.safeParse({ token, password: 'a long new phrase' }).success).toBe(true);
    for (const bad of ['', token.slice(1), `${token}A`, `${token.slice(1)}=`, `${token.slice(1)}/`]) {
      expect(resetPasswordSchema.safeParse({ token: bad, password: 'a long new phrase' }).success).toBe(false);
    }
  });

  it('holds a new password to 8–128 characters and refuses common ones', () => {
    expect(firstError(resetPasswordSchema.safeParse({ token, password: 'short' }))).toEqual([['password', 'Use at least 8 characters']]);
    expect(firstError(resetPasswordSchema.safeParse({ token, password: 'x'.repeat(129) }))).toEqual([['password', 'Use at most 128 characters']]);
    expect(resetPasswordSchema.safeParse({ token, password: 'x'.repeat(128) }).success).toBe(true);
    expect(firstError(resetPasswordSchema.safeParse({ token, password: 'Password123' }))).toEqual([
      ['password', 'This password is too common; choose another'],
    ]);
  });

  it('asks for the current password and a different new one', () => {
    expect(firstError(changePasswordSchema.safeParse({ currentPassword: '', newPassword: 'a long new phrase' }))).toEqual([
      ['currentPassword', 'Enter your current password'],
    ]);
    expect(firstError(changePasswordSchema.safeParse({ currentPassword: 'same long phrase', newPassword: 'same long phrase' }))).toEqual([
      ['newPassword', 'Choose a password different from the current one'],
    ]);
    expect(changePasswordSchema.safeParse({ currentPassword: 'old long phrase', newPassword: 'new long phrase' }).success).toBe(true);
  });

  it('limits the name to one line of 1–100 characters', () => {
    expect(changeNameSchema.parse({ name: '  Maya Ortiz ' })).toEqual({ name: 'Maya Ortiz' });
    expect(firstError(changeNameSchema.safeParse({ name: '   ' }))).toEqual([['name', 'Name is required']]);
    expect(changeNameSchema.safeParse({ name: 'x'.repeat(101) }).success).toBe(false);
    expect(changeNameSchema.safeParse({ name: 'two\nlines' }).success).toBe(false);
  });

  it('needs a valid new address and the current password to change e-mail', () => {
    expect(changeEmailSchema.parse({ newEmail: 'NEW@example.com', currentPassword: 'pw' })).toEqual({ newEmail: 'new@example.com', currentPassword: 'pw' });
    expect(changeEmailSchema.safeParse({ newEmail: 'new@example.com', currentPassword: '' }).success).toBe(false);
    expect(changeEmailSchema.safeParse({ newEmail: 'nope', currentPassword: 'pw' }).success).toBe(false);
  });

  it('deletes shared workspaces only on an explicit yes', () => {
    expect(deleteAccountSchema.parse({ password: 'pw', deleteSharedWorkspaces: true }).deleteSharedWorkspaces).toBe(true);
    expect(deleteAccountSchema.parse({ password: 'pw', deleteSharedWorkspaces: 'on' }).deleteSharedWorkspaces).toBe(true);
    for (const no of [false, undefined, '', 'false', 'yes please', 0]) {
      expect(deleteAccountSchema.parse({ password: 'pw', deleteSharedWorkspaces: no }).deleteSharedWorkspaces).toBe(false);
    }
    expect(deleteAccountSchema.safeParse({ password: '', deleteSharedWorkspaces: true }).success).toBe(false);
  });

  it('takes only uuid session ids', () => {
    expect(sessionIdSchema.safeParse({ sessionId: '6f1c1a3e-2b7d-4c55-9a43-0d2b7f9e8a11' }).success).toBe(true);
    expect(sessionIdSchema.safeParse({ sessionId: "1' or '1'='1" }).success).toBe(false);
  });
});
