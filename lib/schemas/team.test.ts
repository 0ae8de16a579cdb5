import { describe, expect, it } from 'vitest';
import { acceptInvitationSchema, changeRoleSchema, coachNoteSchema, COACH_NOTE_MAX, inviteSchema, maskEmail, roleAtMost } from './team';

describe('team schemas', () => {
  it('invites by e-mail as editor, coach or viewer, never owner', () => {
    expect(inviteSchema.parse({ email: ' Jo@Example.COM ', role: 'coach' })).toEqual({ email: 'jo@example.com', role: 'coach' });
    for (const role of ['owner', 'admin', '']) {
      const r = inviteSchema.safeParse({ email: 'jo@example.com', role });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toBe('Choose editor, coach or viewer');
    }
    expect(inviteSchema.safeParse({ email: 'not an address', role: 'viewer' }).error?.issues[0].message).toBe('Enter a valid email address');
  });

  it('only hands out roles at or below one’s own', () => {
    expect(roleAtMost('viewer', 'editor')).toBe(true);
    expect(roleAtMost('editor', 'editor')).toBe(true);
    expect(roleAtMost('owner', 'editor')).toBe(false);
    expect(roleAtMost('editor', 'coach')).toBe(false);
    expect(roleAtMost('owner', 'owner')).toBe(true);
  });

  it('changes roles only to known roles of a valid member id', () => {
    expect(changeRoleSchema.safeParse({ userId: 'x', role: 'editor' }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ userId: '6f1d1a9e-1e7e-4d8c-9b1e-3c1f1a2b3c4d', role: 'superuser' }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ userId: '6f1d1a9e-1e7e-4d8c-9b1e-3c1f1a2b3c4d', role: 'viewer' }).success).toBe(true);
  });

  it('accepts only well-formed tokens', () => {
    expect(acceptInvitationSchema.safeParse({ token: 'a'.repeat(43) }).success).toBe(true);
    expect(acceptInvitationSchema.safeParse({ token: 'a'.repeat(42) }).success).toBe(false);
    expect(acceptInvitationSchema.safeParse({ token: `${'a'.repeat(42)}/` }).success).toBe(false);
  });

  it('limits coach notes to 1–5000 characters', () => {
    expect(coachNoteSchema.safeParse({ body: '   ' }).error?.issues[0].message).toBe('Write something first');
    expect(coachNoteSchema.safeParse({ body: 'x'.repeat(COACH_NOTE_MAX + 1) }).success).toBe(false);
    expect(coachNoteSchema.parse({ body: ' line one\nline two ' }).body).toBe('line one\nline two');
  });

  it('masks an address for someone who is not its owner', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j•••@example.com');
    expect(maskEmail('broken')).toBe('•••');
  });
});
