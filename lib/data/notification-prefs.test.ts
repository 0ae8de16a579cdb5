import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema';
import { notificationPrefsSchema } from '@/lib/schemas/reminder-prefs';
import { testDatabase } from '@/test/db';
import { signUpOwner, type Owner } from '@/test/people';
import { getNotificationPrefs, isCoachSomewhere, isReminderKindOn, saveNotificationPrefs, turnOffReminderKind } from './notification-prefs';

const handle = testDatabase();
let alice: Owner;
let bob: Owner;

beforeAll(async () => {
  alice = await signUpOwner('Alice');
  bob = await signUpOwner('Bob');
});

const valid = { dailyEnabled: true, dailyHour: '7', timeZone: 'Asia/Kolkata', weeklyEnabled: false, coachWeeklyEnabled: false };

describe('notification preferences', () => {
  it('are all off until the person opts in', async () => {
    expect(await getNotificationPrefs(alice.user.id)).toEqual({
      dailyEnabled: false,
      dailyHour: 8,
      timeZone: 'UTC',
      weeklyEnabled: false,
      coachWeeklyEnabled: false,
      saved: false,
    });
  });

  it('save and read back, per user', async () => {
    await saveNotificationPrefs(alice.user.id, notificationPrefsSchema.parse(valid));
    expect(await getNotificationPrefs(alice.user.id)).toMatchObject({ dailyEnabled: true, dailyHour: 7, timeZone: 'Asia/Kolkata', saved: true });
    expect((await getNotificationPrefs(bob.user.id)).saved).toBe(false);
    await saveNotificationPrefs(alice.user.id, notificationPrefsSchema.parse({ ...valid, dailyHour: '23', weeklyEnabled: true }));
    expect(await getNotificationPrefs(alice.user.id)).toMatchObject({ dailyHour: 23, weeklyEnabled: true });
  });

  it('turn one kind off without touching the others', async () => {
    expect(await turnOffReminderKind(alice.user.id, 'daily')).toBe(true);
    expect(await turnOffReminderKind(alice.user.id, 'daily')).toBe(false);
    expect(await isReminderKindOn(alice.user.id, 'daily')).toBe(false);
    expect(await isReminderKindOn(alice.user.id, 'weekly')).toBe(true);
  });

  it('know who coaches somewhere', async () => {
    expect(await isCoachSomewhere(alice.user.id)).toBe(false);
    await handle.db.insert(memberships).values({ workspaceId: bob.workspaceId, userId: alice.user.id, role: 'coach' });
    expect(await isCoachSomewhere(alice.user.id)).toBe(true);
  });
});

describe('preferences schema', () => {
  it('accepts hours 0–23 and known zones only', () => {
    expect(notificationPrefsSchema.safeParse({ ...valid, dailyHour: '0' }).success).toBe(true);
    expect(notificationPrefsSchema.safeParse({ ...valid, dailyHour: '24' }).success).toBe(false);
    expect(notificationPrefsSchema.safeParse({ ...valid, dailyHour: '-1' }).success).toBe(false);
    expect(notificationPrefsSchema.safeParse({ ...valid, dailyHour: '7.5' }).success).toBe(false);
    expect(notificationPrefsSchema.safeParse({ ...valid, timeZone: 'Mars/Base' }).success).toBe(false);
    expect(notificationPrefsSchema.safeParse({ ...valid, timeZone: 'A'.repeat(100) }).success).toBe(false);
    expect(notificationPrefsSchema.safeParse({ ...valid, timeZone: 'UTC' }).success).toBe(true);
  });

  it('reads checkboxes as booleans', () => {
    expect(notificationPrefsSchema.parse({ ...valid, dailyEnabled: 'on', weeklyEnabled: undefined })).toMatchObject({
      dailyEnabled: true,
      weeklyEnabled: false,
    });
  });
});
