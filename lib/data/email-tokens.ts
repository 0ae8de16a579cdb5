import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { emailTokens } from '@/db/schema';
import type { Executor } from '@/db';
import { executor } from './context';

export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** How long each kind of link stays valid. */
export const TOKEN_TTL_MS: Readonly<Record<TokenPurpose, number>> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
};

// 32 random bytes in base64url: exactly 43 characters.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Whether a string could be a token we issued; anything else is refused before any lookup. */
export function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

/** The stored form of a token: its SHA-256, so a database leak yields no working link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

interface Opts {
  now?: Date;
  tx?: Executor;
}

/**
 * Issues a single-use link token for the user and returns it (the only time it exists in clear).
 * A new password-reset or e-mail-change link supersedes the older ones of the same kind.
 */
export async function createEmailToken(
  userId: string,
  purpose: TokenPurpose,
  email: string,
  { now = new Date(), tx }: Opts = {},
): Promise<string> {
  const db = await executor({ tx });
  if (purpose !== 'verify_email') {
    await db
      .update(emailTokens)
      .set({ usedAt: now })
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(emailTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    email: email.toLowerCase(),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
    createdAt: now,
  });
  return token;
}

export interface TokenGrant {
  id: string;
  userId: string;
  email: string;
}

/** Tokens of this purpose that are neither used nor expired. */
const live = (purpose: TokenPurpose, now: Date) => [eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)];
const isLive = (token: string, purpose: TokenPurpose, now: Date) => and(eq(emailTokens.tokenHash, hashToken(token)), ...live(purpose, now));
const grantColumns = { id: emailTokens.id, userId: emailTokens.userId, email: emailTokens.email };

/** The live token's owner and address without using it up (to decide whether to show a form). */
export async function peekEmailToken(token: string, purpose: TokenPurpose, { now = new Date(), tx }: Opts = {}): Promise<TokenGrant | null> {
  if (!isTokenShaped(token)) return null;
  const db = await executor({ tx });
  const [row] = await db
    .select(grantColumns)
    .from(emailTokens)
    .where(isLive(token, purpose, now))
    .limit(1);
  return row ?? null;
}

/**
 * Uses the token up and returns whom it was issued to; null when it is unknown, of another
 * purpose, expired or already used. One conditional update, so two clicks cannot both win.
 */
export async function consumeEmailToken(token: string, purpose: TokenPurpose, { now = new Date(), tx }: Opts = {}): Promise<TokenGrant | null> {
  if (!isTokenShaped(token)) return null;
  const db = await executor({ tx });
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(isLive(token, purpose, now))
    .returning(grantColumns);
  return row ?? null;
}

/** The address of the user's newest live e-mail-change link, if any (shown as "waiting for you"). */
export async function pendingEmailChange(userId: string, { now = new Date(), tx }: Opts = {}): Promise<string | null> {
  const db = await executor({ tx });
  const rows = await db
    .select({ email: emailTokens.email, createdAt: emailTokens.createdAt })
    .from(emailTokens)
    .where(and(eq(emailTokens.userId, userId), ...live('change_email', now)));
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return rows[0]?.email ?? null;
}
