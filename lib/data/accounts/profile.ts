import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { executor } from '../context';
import { pendingEmailChange } from '../email-tokens';
import type { SessionUser } from '../users';

// The account's own details, as its settings page shows and changes them.

export interface Account extends SessionUser {
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

/** The account's own details, or null when it does not exist. */
export async function getAccount(userId: string): Promise<Account | null> {
  const db = await executor();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** Whether the user has proved they read mail at their current address. */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const db = await executor();
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row?.at);
}

export { pendingEmailChange };

/** Renames the person (not their workspaces). */
export async function changeName(userId: string, name: string): Promise<void> {
  const db = await executor();
  await db.update(users).set({ name }).where(eq(users.id, userId));
}
